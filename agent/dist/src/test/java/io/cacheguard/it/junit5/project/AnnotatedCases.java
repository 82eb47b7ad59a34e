package io.cacheguard.it.junit5.project;

import io.cacheguard.junit5.CacheguardTest;

@CacheguardTest
public class AnnotatedCases extends CacheCases {
}

package io.cacheguard.it.junit5.project;

/** No annotation: the extension comes from JUnit's auto-detection or not at all. */
public class PlainCases extends CacheCases {
}

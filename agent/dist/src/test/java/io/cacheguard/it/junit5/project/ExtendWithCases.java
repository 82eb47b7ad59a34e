package io.cacheguard.it.junit5.project;

import io.cacheguard.junit5.CacheguardExtension;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CacheguardExtension.class)
public class ExtendWithCases extends CacheCases {
}

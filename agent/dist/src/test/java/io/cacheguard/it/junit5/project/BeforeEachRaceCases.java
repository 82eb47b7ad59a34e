package io.cacheguard.it.junit5.project;

import io.cacheguard.junit5.CacheguardTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The race happens in the setup, not in the test method: the test still fails. */
@CacheguardTest
public class BeforeEachRaceCases {
    @BeforeEach
    void warmTheCache() throws InterruptedException {
        Hammer.hammer(RacyCache::lookup);
    }

    @Test
    void emptyTest() {
    }
}

package io.cacheguard.it.junit5.project;

import io.cacheguard.junit5.CacheguardTest;
import org.junit.jupiter.api.Test;

/** The class suppresses the racy field; one method's own annotation, without it, overrides the class's. */
@CacheguardTest(suppress = "io.cacheguard.it.junit5.project.RacyCache.CACHE")
public class SuppressedCases extends CacheCases {
    @CacheguardTest
    @Test
    void racyCacheUnsuppressed() throws InterruptedException {
        Hammer.hammer(RacyCache::lookup);
    }
}

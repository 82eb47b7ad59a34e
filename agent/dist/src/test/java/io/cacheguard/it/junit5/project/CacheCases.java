package io.cacheguard.it.junit5.project;

import org.junit.jupiter.api.Test;

/** The two tests each way of using the extension runs: the subclasses differ only in how they use it. */
abstract class CacheCases {
    @Test
    void racyCache() throws InterruptedException {
        Hammer.hammer(RacyCache::lookup);
    }

    @Test
    void synchronizedCache() throws InterruptedException {
        Hammer.hammer(SynchronizedCache::lookup);
    }
}

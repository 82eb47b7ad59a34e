package io.cacheguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SampleCatalogTest {

    /** The words by which the agent decides that a class is a cache. */
    private static final Pattern CACHE_WORDS = Pattern.compile("Cache|Memo|Lru");

    @Test
    void offersExactlyTheDocumentedSamplesInOrder() {
        List<String> names = SampleCatalog.all().stream().map(Sample::name).toList();

        assertEquals(List.of("expiring-cache", "static-memo", "hashmap-field", "lru-cache", "weak-cache", "lazy-map",
                "reassign-clear"), names);
    }

    @Test
    void defaultSampleIsTheFirstListed() {
        assertEquals(SampleCatalog.DEFAULT_SAMPLE, SampleCatalog.all().get(0).name());
    }

    @Test
    void findsSamplesByNameOnly() {
        assertTrue(SampleCatalog.find("weak-cache").isPresent());
        assertFalse(SampleCatalog.find("WeakKeysSample").isPresent());
    }

    /** Otherwise the agent would take the drivers, whose own maps are not the subject, for caches. */
    @Test
    void driverClassNamesAvoidTheAgentsCacheWords() {
        for (Sample sample : SampleCatalog.all()) {
            String driver = sample.getClass().getSimpleName();
            assertFalse(CACHE_WORDS.matcher(driver).find(), driver);
        }
    }
}

package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JaCoCo's globs, matched without a regular expression (see {@link Glob}). */
class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "com.acme.*, com.acme.Cache, true",
        "com.acme.*, com.acme.sub.Cache, true",
        "com.acme.*, com.acmeX.Cache, false",
        "*Cache, com.acme.TemplateCache, true",
        "*Cache, com.acme.CacheHolder, false",
        "*Cache*, com.acme.CacheHolder, true",
        "com.?cme.Cache, com.acme.Cache, true",
        "com.?cme.Cache, com.cme.Cache, false",
        "*, '', true",
        "'', '', true",
        "'', a, false",
        "a*b*c, abbbbc, true",
        "a*b*c, acb, false",
        "**, x, true",
        "*?, '', false",
        "*a*b, aaab, true",
        "*a*b, aaaba, false",
    })
    void matchesAsJacocoGlobsDo(String glob, String name, boolean matches) {
        assertEquals(matches, new Glob(glob).matches(name));
    }

    /** Regression (issue 17 fuzz): a megabyte literal glob hung in Pattern.compile. */
    @Test
    void longGlobsAndBacktrackingShapesCostLittle() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Glob huge = new Glob("a".repeat(1 << 20));
            assertTrue(huge.matches("a".repeat(1 << 20)));
            assertFalse(huge.matches("a".repeat(1000)));
            assertFalse(new Glob("*a*a*a*a*a*a*a*a*a*a*b").matches("a".repeat(5000)));
        });
    }
}

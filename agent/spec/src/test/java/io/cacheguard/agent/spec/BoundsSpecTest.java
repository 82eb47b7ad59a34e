package io.cacheguard.agent.spec;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bounds spec is Caffeine's text form; a mistake in it is reported with what was wrong and what would be right. */
class BoundsSpecTest {
    @Test
    void readsTheCaffeineSpecForm() {
        BoundsSpec bounds = BoundsSpec.parse("maximumSize=10000,expireAfterWrite=10m,expireAfterAccess=5m");

        assertAll(
                () -> assertEquals(10_000, bounds.maximumSize()),
                () -> assertEquals(Duration.ofMinutes(10).toNanos(), bounds.expireAfterWriteNanos()),
                () -> assertEquals(Duration.ofMinutes(5).toNanos(), bounds.expireAfterAccessNanos()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "30s | PT30S", "10m | PT10M", "2h | PT2H", "1d | PT24H", "PT1M30S | PT1M30S", "pt5s | PT5S", "0s | PT0S",
    })
    void readsDurationsWithAUnitSuffixOrInIso8601(String written, String meant) {
        assertEquals(Duration.parse(meant).toNanos(), BoundsSpec.parse("expireAfterWrite=" + written).expireAfterWriteNanos());
    }

    @Test
    void toleratesSpacesAndEmptyItems() {
        assertEquals(BoundsSpec.parse("maximumSize=5,expireAfterAccess=1m"),
                BoundsSpec.parse(" maximumSize = 5 , , expireAfterAccess = 1m ,"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", ","})
    void aBlankSpecMeansNoBounds(String spec) {
        assertSame(BoundsSpec.NONE, BoundsSpec.parse(spec));
        assertTrue(BoundsSpec.parse(spec).isUnbounded());
    }

    @Test
    void toStringIsASpecThatParsesBackToEqualBounds() {
        BoundsSpec bounds = BoundsSpec.parse("maximumSize=7,expireAfterWrite=90s,expireAfterAccess=2h");

        assertEquals(bounds, BoundsSpec.parse(bounds.toString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maximumSize=ten | maximumSize | ten",
        "maximumSize=-1 | maximumSize | -1",
        "expireAfterWrite=10 | expireAfterWrite | 10",
        "expireAfterWrite=10ms | expireAfterWrite | 10ms",
        "expireAfterAccess=-5m | expireAfterAccess | -5m",
        "expireAfterAccess=1.5h | expireAfterAccess | 1.5h",
        "expireAfterWrite=PT-1S | expireAfterWrite | PT-1S",
        "maximumWeight=10 | maximumWeight | 10",
        "maximumSize=1,maximumSize=2 | maximumSize | maximumSize=2",
    })
    void anInvalidSpecIsRejectedNamingKeyValueAndTheAcceptedForms(String spec, String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoundsSpec.parse(spec));

        assertAll(
                () -> assertTrue(e.getMessage().contains(key), e.getMessage()),
                () -> assertTrue(e.getMessage().contains(value), e.getMessage()),
                () -> assertTrue(e.getMessage().contains("accepted: maximumSize=<count>"), e.getMessage()));
    }

    @Test
    void anItemWithoutAValueIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoundsSpec.parse("recordStats"));

        assertTrue(e.getMessage().contains("'recordStats' has no value"), e.getMessage());
    }
}

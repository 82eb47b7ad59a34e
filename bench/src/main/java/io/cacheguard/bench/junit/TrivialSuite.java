package io.cacheguard.bench.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A thousand trivial tests, each a full test lifecycle (every extension callback runs per
 * repetition): what the JUnit extension's own cost is measured on ({@code ExtensionOverhead}).
 */
public class TrivialSuite {
    public static final int TESTS = 1000;

    @RepeatedTest(TESTS)
    void trivial(RepetitionInfo repetition) {
        int n = repetition.getCurrentRepetition();
        assertEquals(n, Integer.parseInt(Integer.toString(n)));
    }
}

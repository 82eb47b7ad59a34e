package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one-line memo: {@code PATTERNS.computeIfAbsent(regex, Pattern::compile)} on a static HashMap.
 * computeIfAbsent is a write, and it holds no lock: patch.
 */
public final class PatternMemo {

    @Expect(value = PATCH, reason = "holds no lock")
    private static final Map<String, Pattern> PATTERNS = new HashMap<>();

    private PatternMemo() {
    }

    public static Pattern compile(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}

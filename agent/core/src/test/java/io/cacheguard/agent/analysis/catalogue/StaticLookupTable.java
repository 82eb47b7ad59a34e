package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Status-code tables filled in the static initializer, directly or through a private helper only
 * the initializer calls, then only read. Class initialization publishes them: safe, read-only once
 * published.
 */
public final class StaticLookupTable {

    @Expect(value = SAFE, reason = "read-only once published")
    private static final Map<String, Integer> CODES = new HashMap<>();

    @Expect(value = SAFE, reason = "read-only once published")
    private static final Map<String, Integer> ALIASES = new HashMap<>();

    static {
        CODES.put("OK", 200);
        CODES.put("NOT_FOUND", 404);
        CODES.put("SERVER_ERROR", 500);
        alias("SUCCESS", "OK");
        alias("MISSING", "NOT_FOUND");
    }

    private StaticLookupTable() {
    }

    private static void alias(String alias, String name) {
        ALIASES.put(alias, CODES.get(name));
    }

    public static Integer code(String name) {
        Integer code = CODES.get(name);
        return code != null ? code : ALIASES.get(name);
    }
}

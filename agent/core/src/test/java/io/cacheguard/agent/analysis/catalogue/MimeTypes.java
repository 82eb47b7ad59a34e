package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.AbstractMap;
import java.util.HashMap;

/**
 * A static registry declared as AbstractMap. The static initializer registers the built-in types
 * through the same public method that plugins call at runtime; a public method is no private
 * initialization helper, so its put is a write after publication, and it holds no lock: patch.
 */
public final class MimeTypes {

    @Expect(PATCH)
    private static AbstractMap<String, String> byExtension = new HashMap<>();

    static {
        register("html", "text/html");
        register("json", "application/json");
    }

    private MimeTypes() {
    }

    public static void register(String extension, String type) {
        byExtension.put(extension, type);
    }

    public static String typeOf(String extension) {
        return byExtension.get(extension);
    }
}

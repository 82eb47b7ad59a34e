package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Tables that can never change: {@code Map.of}, {@code Map.copyOf}, and a HashMap filled in a
 * local and published as {@code Collections.unmodifiableMap}, also republished later into a
 * volatile field. Immutable values are already thread-safe: safe.
 */
public final class ImmutableTables {

    @Expect(SAFE)
    private static final Map<String, Integer> PORTS = Map.of("http", 80, "https", 443, "ftp", 21);

    @Expect(SAFE)
    private static final Map<String, String> MEDIA_TYPES;

    static {
        Map<String, String> types = new HashMap<>();
        types.put("html", "text/html");
        types.put("json", "application/json");
        MEDIA_TYPES = Collections.unmodifiableMap(types);
    }

    @Expect(SAFE)
    private final Map<String, String> labels;

    @Expect(SAFE)
    private volatile Map<String, String> published = Map.of();

    public ImmutableTables(Map<String, String> labels) {
        this.labels = Map.copyOf(labels);
    }

    public void republish(Map<String, String> source) {
        published = Collections.unmodifiableMap(new HashMap<>(source));
    }

    public String describe(String scheme, String extension, String key) {
        Integer port = PORTS.get(scheme);
        String type = MEDIA_TYPES.get(extension);
        String label = labels.getOrDefault(key, published.get(key));
        return port + " " + type + " " + label;
    }
}

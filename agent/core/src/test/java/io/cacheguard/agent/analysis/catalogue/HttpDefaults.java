package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Default headers filled by a private method the constructor calls, then read by every request
 * thread, copied through the JDK but never handed out. Read-only once published: safe.
 */
public final class HttpDefaults {

    @Expect(value = SAFE, reason = "read-only once published")
    private final Map<String, String> headers = new LinkedHashMap<>();

    public HttpDefaults(String userAgent) {
        addStandardHeaders(userAgent);
    }

    private void addStandardHeaders(String userAgent) {
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "*/*");
        headers.put("Connection", "keep-alive");
    }

    public String header(String name) {
        return headers.get(name);
    }

    public List<String> names() {
        return new ArrayList<>(headers.keySet());
    }
}

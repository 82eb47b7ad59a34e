package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A synchronized template cache "cleared" by assigning a fresh map, faster than clear(), from an
 * admin thread without the monitor. The non-volatile field is reassigned without the readers'
 * lock: patch.
 */
public final class TemplateCache {

    @Expect(PATCH)
    private Map<String, String> compiled = new HashMap<>();

    public synchronized String template(String name) {
        String template = compiled.get(name);
        if (template == null) {
            template = name.trim();
            compiled.put(name, template);
        }
        return template;
    }

    public void clear() {
        compiled = new HashMap<>();
    }
}

package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A synchronized template cache "cleared" by assigning a fresh map, faster than clear(), from an
 * admin thread without the monitor. Every change of a map's entries holds the monitor; the
 * assignment changes only which map the next reader finds (issue 14 item 5: publication, not a
 * write of the map). The new map is empty, so a reader that sees it early misses no entries, and a
 * put into the old map under the monitor is a lost cache entry, never a broken map; a wrapper
 * would change neither. Safe; it was patch ("assignment holds no lock") before.
 */
public final class TemplateCache {

    @Expect(value = SAFE, reason = "publication, not changes of the map's entries")
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

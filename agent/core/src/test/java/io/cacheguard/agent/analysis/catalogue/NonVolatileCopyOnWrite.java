package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * The same copy-on-write, with the field not volatile. Readers may see the new reference before
 * the copy's contents; the field is reassigned without the readers' lock: patch.
 */
public final class NonVolatileCopyOnWrite {

    @Expect(PATCH)
    private Map<String, String> routes = new HashMap<>();

    public String route(String path) {
        return routes.get(path);
    }

    public synchronized void add(String path, String target) {
        Map<String, String> copy = new HashMap<>(routes);
        copy.put(path, target);
        routes = copy;
    }
}

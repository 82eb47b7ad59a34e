package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A copy-on-write routing table that publishes its copy one line too early: the writer stores the
 * copy into the volatile field and only then adds the route, so a reader can see the copy while
 * the put is restructuring it. Racy, although every change goes to a fresh copy under the monitor.
 */
public final class PublishThenFillRoutes {

    @Expect(value = PATCH, reason = "after the map was published")
    private volatile Map<String, String> routes = new HashMap<>();

    public String route(String path) {
        return routes.get(path);
    }

    public synchronized void add(String path, String target) {
        Map<String, String> copy = new HashMap<>(routes);
        routes = copy;
        copy.put(path, target);
    }
}

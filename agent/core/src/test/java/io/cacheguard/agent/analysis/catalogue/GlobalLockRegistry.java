package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Instance maps guarded by one static lock object shared by all instances, as old code guarding a
 * native library does. A coarser lock than needed, but every access holds it: safe.
 */
public final class GlobalLockRegistry {
    private static final Object LOCK = new Object();

    @Expect(SAFE)
    private final Map<String, Long> handles = new HashMap<>();

    public void open(String name, long handle) {
        synchronized (LOCK) {
            handles.put(name, handle);
        }
    }

    public Long handle(String name) {
        synchronized (LOCK) {
            return handles.get(name);
        }
    }

    public void close(String name) {
        synchronized (LOCK) {
            handles.remove(name);
        }
    }
}

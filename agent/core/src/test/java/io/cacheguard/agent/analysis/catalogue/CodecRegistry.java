package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A static registry written by a static synchronized method and read inside
 * {@code synchronized (CodecRegistry.class)}. Both lock the class object: safe.
 */
public final class CodecRegistry {

    @Expect(SAFE)
    private static final Map<String, Object> CODECS = new HashMap<>();

    public static synchronized void register(String name, Object codec) {
        CODECS.put(name, codec);
    }

    public Object codec(String name) {
        synchronized (CodecRegistry.class) {
            return CODECS.get(name);
        }
    }
}

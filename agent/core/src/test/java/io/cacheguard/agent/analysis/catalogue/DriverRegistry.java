package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A static registry written by a static synchronized method and read by an instance synchronized
 * one. They lock different monitors, the class and the instance, so the read can meet the write:
 * patch.
 */
public final class DriverRegistry {

    @Expect(PATCH)
    private static final Map<String, Class<?>> DRIVERS = new HashMap<>();

    public static synchronized void register(String name, Class<?> driver) {
        DRIVERS.put(name, driver);
    }

    public synchronized Class<?> driver(String name) {
        return DRIVERS.get(name);
    }
}

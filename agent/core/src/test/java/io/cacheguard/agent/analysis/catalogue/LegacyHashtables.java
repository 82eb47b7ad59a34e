package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Hashtable;
import java.util.Map;
import java.util.Properties;

/**
 * JDK 1.0 maps: Hashtable and Properties synchronize every method. Declared as such they are a
 * thread-safe map type; declared Map but assigned a Hashtable, already thread-safe: safe.
 */
public final class LegacyHashtables {

    @Expect(value = SAFE, reason = "thread-safe map type")
    private final Hashtable<String, String> aliases = new Hashtable<>();

    @Expect(value = SAFE, reason = "thread-safe map type")
    private final Properties settings = new Properties();

    @Expect(value = SAFE, reason = "thread-safe")
    private final Map<String, Object> registry = new Hashtable<>();

    public void define(String alias, String name, Object value) {
        aliases.put(alias, name);
        settings.setProperty(name, alias);
        registry.put(name, value);
    }

    public Object resolve(String alias) {
        String name = aliases.get(alias);
        return name == null ? null : registry.get(settings.getProperty(name, name));
    }
}

package io.cacheguard.agent.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Finds the class file of a related class (a nest member, an anonymous map subclass) without
 * loading it: inside a ClassFileTransformer, loading a class to inspect it would be a recursion trap.
 */
@FunctionalInterface
public interface ClassBytesSource {
    ClassBytesSource NONE = internalName -> null;

    /** The class file for an internal name ({@code com/acme/Cache$1}), or null if it cannot be found. */
    byte[] bytesOf(String internalName);

    /** Reads class files as resources of a class loader; a null loader means the bootstrap loader. */
    static ClassBytesSource of(ClassLoader loader) {
        return internalName -> {
            String resource = internalName + ".class";
            try (InputStream in = loader == null
                    ? ClassLoader.getSystemResourceAsStream(resource)
                    : loader.getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        };
    }

    /** Class files already in memory, keyed by internal name, as a scan of a jar holds them. */
    static ClassBytesSource of(Map<String, byte[]> classes) {
        return classes::get;
    }
}

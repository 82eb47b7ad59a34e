package io.cacheguard.agent.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
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

    /**
     * Reads class files as resources of a class loader; a null loader means the bootstrap loader.
     * A class of the JDK's own modules ({@code jrt:}) is not found: the JDK is never analysed, and
     * it is told apart by where its class file lives, not by its package name.
     */
    static ClassBytesSource of(ClassLoader loader) {
        return internalName -> {
            String resource = internalName + ".class";
            try {
                URL found = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
                if (found == null || "jrt".equals(found.getProtocol())) {
                    return null;
                }
                try (InputStream in = found.openStream()) {
                    return in.readAllBytes();
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        };
    }

    /**
     * Every class of the program, for the rules that must see all the code able to use a
     * non-private field or method; null when this source cannot list its classes (a class loader
     * at run time), and the analysis then assumes the worst of such members.
     */
    default ClassIndex index() {
        return null;
    }

    /**
     * Class files already in memory, keyed by internal name, as a scan holds all its inputs: a
     * source that can list them ({@link #index()}), the classes of the scan being the program.
     */
    static ClassBytesSource of(Map<String, byte[]> classes) {
        return new ClassBytesSource() {
            private ClassIndex index;

            @Override
            public byte[] bytesOf(String internalName) {
                return classes.get(internalName);
            }

            @Override
            public synchronized ClassIndex index() {
                if (index == null) {
                    index = new ClassIndex(classes);
                }
                return index;
            }
        };
    }
}

package io.cacheguard.agent.scan;

import org.objectweb.asm.ClassReader;

/** The bytes of one class file found in the inputs, and where they came from. */
final class ClassFile {
    private static final String VERSIONS = "META-INF/versions/";
    /** Where classes live inside Spring Boot jars, WARs and multi-release jars, before the package path. */
    private static final String LAYOUT_PREFIXES = "^(?:META-INF/versions/\\d+/|BOOT-INF/classes/|WEB-INF/classes/)";

    final String internalName;
    final String origin;
    final byte[] bytes;
    /** A multi-release jar's variant for a later JDK; the base version is the one a scan reports on. */
    final boolean versioned;

    private ClassFile(String internalName, String origin, byte[] bytes, boolean versioned) {
        this.internalName = internalName;
        this.origin = origin;
        this.bytes = bytes;
        this.versioned = versioned;
    }

    /**
     * Names the class by its own {@code this_class}, so that a directory given above the package
     * root ({@code target/} instead of {@code target/classes}) still yields real class names; the
     * path is the fallback for bytes ASM cannot read, which the analysis will then report.
     */
    static ClassFile of(byte[] bytes, String path, String origin) {
        String name;
        try {
            name = new ClassReader(bytes).getClassName();
        } catch (RuntimeException unreadable) {
            name = nameFromPath(path);
        }
        return new ClassFile(name, origin, bytes, path.contains(VERSIONS));
    }

    static String nameFromPath(String path) {
        String name = path.replace('\\', '/');
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        name = name.replaceFirst(LAYOUT_PREFIXES, "");
        return name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : name;
    }

    /** {@code com.acme.Cache$Entry}: how the selector and the reports name classes. */
    String className() {
        return internalName.replace('/', '.');
    }
}

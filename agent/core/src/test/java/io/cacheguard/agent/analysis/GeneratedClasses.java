package io.cacheguard.agent.analysis;

import java.util.Map;
import org.objectweb.asm.ClassWriter;

/** What the hand-written class files share: how they are written, and where their neighbours are found. */
final class GeneratedClasses {
    /** The package of the Kotlin- and Scala-style classes; nothing is compiled there, nothing loads from it. */
    static final String PACKAGE = "io/cacheguard/agent/analysis/generated/";

    private GeneratedClasses() {
    }

    /**
     * A writer that computes frames and maximums. Merging two types needs their common superclass,
     * which ASM finds by loading them; the generated classes cannot be loaded, and every merge in
     * them has java.lang.Object as the honest answer anyway.
     */
    static ClassWriter writer() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                try {
                    return super.getCommonSuperClass(type1, type2);
                } catch (TypeNotPresentException e) {
                    return "java/lang/Object";
                }
            }
        };
    }

    /** The generated class files first, then the test class path. */
    static ClassBytesSource related(Map<String, byte[]> generated) {
        return internalName -> generated.containsKey(internalName)
                ? generated.get(internalName)
                : Catalogue.CLASS_FILES.bytesOf(internalName);
    }
}

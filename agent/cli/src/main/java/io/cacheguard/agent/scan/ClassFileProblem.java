package io.cacheguard.agent.scan;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Says why ASM cannot read a class file, in terms a user can act on. The analysis only says "not
 * readable"; this is asked afterwards, on the failure path, so the scan does not read every class twice.
 */
final class ClassFileProblem {
    private static final String TOO_NEW = "class file version ";
    /** Java 1.0 to 1.1 is major 45; Java N is 44 + N. */
    private static final int JAVA_VERSION_OFFSET = 44;

    private ClassFileProblem() {
    }

    /** What is wrong with the bytes, or null when ASM reads them: the failure lies elsewhere. */
    static String of(byte[] bytes) {
        if (bytes.length < 10) {
            return "truncated class file (" + bytes.length + " bytes)";
        }
        if ((bytes[0] & 0xff) != 0xCA || (bytes[1] & 0xff) != 0xFE || (bytes[2] & 0xff) != 0xBA
                || (bytes[3] & 0xff) != 0xBE) {
            return "not a class file (bad magic number)";
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        try {
            new ClassReader(bytes).accept(new ClassNode(), ClassReader.SKIP_FRAMES);
            return null;
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).startsWith("Unsupported class file major version")) {
                return TOO_NEW + major + " (Java " + (major - JAVA_VERSION_OFFSET)
                        + ") is newer than this cacheguard can read";
            }
            return malformed(e);
        } catch (RuntimeException e) {
            return malformed(e);
        }
    }

    /**
     * As {@link #of}, followed by what to do about it: for a class file the user named, who can
     * act on it (a class inside a jar is someone else's build).
     */
    static String withAdvice(byte[] bytes) {
        String problem = of(bytes);
        if (problem == null) {
            return null;
        }
        return problem + (problem.startsWith(TOO_NEW) ? "; scan it with a cacheguard release that reads it"
                : "; recompile it, or leave it out of the scan");
    }

    private static String malformed(RuntimeException e) {
        return "malformed or truncated class file (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }
}

package io.cacheguard.agent.transform;

import io.cacheguard.agent.classfile.ClassFileWalker;
import org.objectweb.asm.Opcodes;

/**
 * Whether a class may contain synchronization the race detector must see, read from the class
 * file's structure without parsing any code: a constant naming a modelled type or method
 * ({@code java/util/concurrent/...}, {@code Thread}, {@code Map}, {@code wait}, ...), a
 * {@code synchronized} method, a {@code volatile} field, or a {@code monitorenter} in some method's
 * code (decoded instruction by instruction, so an operand byte of the same value is no monitor).
 * Most classes of a large application have none of these and are left alone.
 */
final class SyncPreFilter {
    private static final String[] NAME_PREFIXES = {
        "java/util/concurrent/", "java/util/Map", "java/util/Queue", "java/util/Deque",
    };
    /** Exact names: {@code java/lang/Thread} but not {@code ThreadLocal}, which most code names. */
    private static final String[] NAMES = {"java/lang/Thread", "start", "join", "wait", "readLock", "writeLock"};

    private SyncPreFilter() {
    }

    static boolean mayNeedHooks(byte[] classFile) {
        try {
            ClassFileWalker walker = new ClassFileWalker(classFile);
            return mentionsModelledName(walker) || hasMonitorOrFlag(walker);
        } catch (RuntimeException malformed) {
            return true; // let the rewrite decide; it fails safely
        }
    }

    private static boolean mentionsModelledName(ClassFileWalker walker) {
        return walker.anyConstant((tag, offset) -> tag == ClassFileWalker.UTF8 && isModelledName(walker, offset));
    }

    /** A UTF-8 constant that starts with a modelled prefix (as a name or a descriptor), or is a modelled name. */
    private static boolean isModelledName(ClassFileWalker walker, int utf8) {
        boolean descriptor = walker.utf8Length(utf8) > 0 && walker.utf8Byte(utf8, 0) == 'L';
        for (String prefix : NAME_PREFIXES) {
            if (walker.utf8RegionMatches(utf8, 0, prefix) || descriptor && walker.utf8RegionMatches(utf8, 1, prefix)) {
                return true;
            }
        }
        for (String name : NAMES) {
            if (walker.utf8Length(utf8) == name.length() && walker.utf8RegionMatches(utf8, 0, name)) {
                return true;
            }
        }
        return false;
    }

    /** A volatile field, a synchronized method, a monitorenter instruction. */
    private static boolean hasMonitorOrFlag(ClassFileWalker walker) {
        return walker.anyMember(new ClassFileWalker.MemberVisitor() {
            @Override
            public boolean field(int access, int member) {
                return (access & Opcodes.ACC_VOLATILE) != 0;
            }

            @Override
            public boolean method(int access, int member, int codeStart, int codeLength) {
                return (access & Opcodes.ACC_SYNCHRONIZED) != 0 || codeStart >= 0
                        && walker.anyInstruction(codeStart, codeLength, (opcode, at) -> opcode == Opcodes.MONITORENTER);
            }
        });
    }
}

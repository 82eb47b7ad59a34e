package io.cacheguard.agent.transform;

import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Which methods of a class {@link SyncPatcher} would change, read from the class file's bytes
 * without building ASM's view of any code: a {@code synchronized} method, a monitor instruction, an
 * access to one of the class's own volatile fields, or a call {@link SyncPatcher#hooksCall} hooks.
 * Every other method is handed to the class writer untouched, which copies its bytes instead of
 * decoding and re-encoding each instruction: that decoding was most of the start-up cost of race
 * detection, since most classes of a library hold some synchronization in a few of their methods.
 */
final class SyncMethodScan {
    private SyncMethodScan() {
    }

    /** {@code name + descriptor} of every method that needs hooks; empty when none does. */
    static Set<String> methodsNeedingHooks(byte[] classFile) {
        ClassFileWalker walker = new ClassFileWalker(classFile);
        String self = walker.className();
        Set<String> volatileFields = new HashSet<>();
        Set<String> needing = new HashSet<>();
        walker.anyMember(new ClassFileWalker.MemberVisitor() {
            @Override
            public boolean field(int access, int member) { // fields come first: all are known before any method
                if ((access & Opcodes.ACC_VOLATILE) != 0) {
                    volatileFields.add(walker.memberName(member));
                }
                return false;
            }

            @Override
            public boolean method(int access, int member, int codeStart, int codeLength) {
                if ((access & Opcodes.ACC_SYNCHRONIZED) != 0
                        || codeStart >= 0 && codeNeedsHooks(walker, codeStart, codeLength, self, volatileFields)) {
                    needing.add(walker.memberName(member) + walker.memberDescriptor(member));
                }
                return false;
            }
        });
        return needing;
    }

    private static boolean codeNeedsHooks(ClassFileWalker walker, int start, int length, String self,
                                          Set<String> volatileFields) {
        return walker.anyInstruction(start, length, (opcode, at) -> {
            switch (opcode) {
                case Opcodes.MONITORENTER:
                case Opcodes.MONITOREXIT:
                    return true;
                case Opcodes.GETFIELD: case Opcodes.PUTFIELD: case Opcodes.GETSTATIC: case Opcodes.PUTSTATIC: {
                    if (volatileFields.isEmpty()) {
                        return false;
                    }
                    int ref = walker.constantAt(at + 1);
                    return walker.refOwner(ref).equals(self) && volatileFields.contains(walker.refName(ref));
                }
                case Opcodes.INVOKEVIRTUAL: case Opcodes.INVOKEINTERFACE: case Opcodes.INVOKESTATIC: {
                    int ref = walker.constantAt(at + 1);
                    return SyncPatcher.hooksCall(opcode, walker.refOwner(ref), walker.refName(ref),
                            walker.refDescriptor(ref));
                }
                default:
                    return false;
            }
        });
    }
}

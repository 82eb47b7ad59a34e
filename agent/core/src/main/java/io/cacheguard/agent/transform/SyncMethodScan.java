package io.cacheguard.agent.transform;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
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
    static Set<String> methodsNeedingHooks(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        String self = reader.getClassName();
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        Set<String> volatileFields = new HashSet<>();
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            if ((reader.readUnsignedShort(offset) & Opcodes.ACC_VOLATILE) != 0) {
                volatileFields.add(reader.readUTF8(offset + 2, buffer));
            }
            offset = SyncPreFilter.skipAttributes(reader, offset + 6);
        }
        Set<String> needing = new HashSet<>();
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            int access = reader.readUnsignedShort(offset);
            String method = reader.readUTF8(offset + 2, buffer) + reader.readUTF8(offset + 4, buffer);
            boolean needs = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                int length = reader.readInt(offset + 2);
                if (!needs && "Code".equals(reader.readUTF8(offset, buffer))) {
                    needs = codeNeedsHooks(reader, offset + 14, reader.readInt(offset + 10), self, volatileFields,
                            buffer);
                }
                offset += 6 + length;
            }
            if (needs) {
                needing.add(method);
            }
        }
        return needing;
    }

    private static boolean codeNeedsHooks(ClassReader reader, int start, int length, String self,
                                          Set<String> volatileFields, char[] buffer) {
        int pc = 0;
        while (pc < length) {
            int opcode = reader.readByte(start + pc);
            switch (opcode) {
                case Opcodes.MONITORENTER:
                case Opcodes.MONITOREXIT:
                    return true;
                case Opcodes.GETFIELD: case Opcodes.PUTFIELD: case Opcodes.GETSTATIC: case Opcodes.PUTSTATIC:
                    if (!volatileFields.isEmpty()) {
                        int ref = reader.getItem(reader.readUnsignedShort(start + pc + 1));
                        if (reader.readClass(ref, buffer).equals(self)
                                && volatileFields.contains(memberName(reader, ref, buffer))) {
                            return true;
                        }
                    }
                    break;
                case Opcodes.INVOKEVIRTUAL: case Opcodes.INVOKEINTERFACE: case Opcodes.INVOKESTATIC: {
                    int ref = reader.getItem(reader.readUnsignedShort(start + pc + 1));
                    int nameAndType = reader.getItem(reader.readUnsignedShort(ref + 2));
                    if (SyncPatcher.hooksCall(opcode, reader.readClass(ref, buffer),
                            reader.readUTF8(nameAndType, buffer), reader.readUTF8(nameAndType + 2, buffer))) {
                        return true;
                    }
                    break;
                }
                default:
                    break;
            }
            pc += SyncPreFilter.instructionLength(reader, start, pc, opcode);
        }
        return false;
    }

    /** The name of the field or method a {@code CONSTANT_Fieldref}/{@code Methodref} at {@code ref} names. */
    private static String memberName(ClassReader reader, int ref, char[] buffer) {
        return reader.readUTF8(reader.getItem(reader.readUnsignedShort(ref + 2)), buffer);
    }
}

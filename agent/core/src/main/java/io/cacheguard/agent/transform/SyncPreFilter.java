package io.cacheguard.agent.transform;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Whether a class may contain synchronization the race detector must see, read from the class
 * file's structure without parsing any code: a constant naming a modelled type or method
 * ({@code java/util/concurrent/...}, {@code Thread}, {@code Map}, {@code wait}, ...), a
 * {@code synchronized} method, a {@code volatile} field, or a {@code monitorenter} byte in some
 * method's code (a byte that is only an operand answers "maybe", which costs a rewrite, never a
 * missed edge). Most classes of a large application have none of these and are left alone.
 */
final class SyncPreFilter {
    private static final String[] NAME_PREFIXES = {
        "java/util/concurrent/", "java/util/Map", "java/util/Queue", "java/util/Deque",
    };
    /** Exact names: {@code java/lang/Thread} but not {@code ThreadLocal}, which most code names. */
    private static final String[] NAMES = {"java/lang/Thread", "start", "join", "wait", "readLock", "writeLock"};
    private static final int UTF8 = 1;

    private SyncPreFilter() {
    }

    static boolean mayNeedHooks(ClassReader reader) {
        try {
            return mentionsModelledName(reader) || hasMonitorOrFlag(reader);
        } catch (RuntimeException malformed) {
            return true; // let the rewrite decide; it fails safely
        }
    }

    private static boolean mentionsModelledName(ClassReader reader) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i); // just after the tag: the UTF-8 length, then its bytes
            if (offset == 0 || reader.readByte(offset - 1) != UTF8) {
                continue;
            }
            for (String prefix : NAME_PREFIXES) {
                if (startsWith(reader, offset, prefix, 0) || startsWith(reader, offset, prefix, 1)) {
                    return true;
                }
            }
            for (String name : NAMES) {
                if (reader.readUnsignedShort(offset) == name.length() && startsWith(reader, offset, name, 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the UTF-8 constant at {@code offset} has {@code text} at {@code from} (ASCII only). */
    private static boolean startsWith(ClassReader reader, int offset, String text, int from) {
        int length = reader.readUnsignedShort(offset);
        if (length < from + text.length() || from == 1 && reader.readByte(offset + 2) != 'L') {
            return false;
        }
        for (int c = 0; c < text.length(); c++) {
            if (reader.readByte(offset + 2 + from + c) != text.charAt(c)) {
                return false;
            }
        }
        return true;
    }

    /** Walks fields and methods: a volatile field, a synchronized method, a monitorenter byte. */
    private static boolean hasMonitorOrFlag(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            if ((reader.readUnsignedShort(offset) & Opcodes.ACC_VOLATILE) != 0) {
                return true;
            }
            offset = skipAttributes(reader, offset + 6);
        }
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            if ((reader.readUnsignedShort(offset) & Opcodes.ACC_SYNCHRONIZED) != 0) {
                return true;
            }
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                int length = reader.readInt(offset + 2);
                if ("Code".equals(reader.readUTF8(offset, buffer))
                        && hasMonitorEnter(reader, offset + 14, reader.readInt(offset + 10))) {
                    return true;
                }
                offset += 6 + length;
            }
        }
        return false;
    }

    /**
     * Walks the instructions of one method's code: a byte 0xC2 that is an operand (a constant pool
     * index, an offset) is not a {@code monitorenter}, and in a large class many operands are.
     */
    private static boolean hasMonitorEnter(ClassReader reader, int start, int length) {
        int pc = 0;
        while (pc < length) {
            int opcode = reader.readByte(start + pc);
            if (opcode == Opcodes.MONITORENTER) {
                return true;
            }
            pc += instructionLength(reader, start, pc, opcode);
        }
        return false;
    }

    /** The length in bytes of the instruction at {@code pc} (JVMS 6.5). */
    static int instructionLength(ClassReader reader, int start, int pc, int opcode) {
        switch (opcode) {
            case Opcodes.BIPUSH: case Opcodes.LDC: case Opcodes.ILOAD: case Opcodes.LLOAD: case Opcodes.FLOAD:
            case Opcodes.DLOAD: case Opcodes.ALOAD: case Opcodes.ISTORE: case Opcodes.LSTORE: case Opcodes.FSTORE:
            case Opcodes.DSTORE: case Opcodes.ASTORE: case Opcodes.RET: case Opcodes.NEWARRAY:
                return 2;
            case Opcodes.SIPUSH: case 0x13: case 0x14: case Opcodes.IINC: case Opcodes.GETSTATIC:
            case Opcodes.PUTSTATIC: case Opcodes.GETFIELD: case Opcodes.PUTFIELD: case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKESPECIAL: case Opcodes.INVOKESTATIC: case Opcodes.NEW: case Opcodes.ANEWARRAY:
            case Opcodes.CHECKCAST: case Opcodes.INSTANCEOF: case Opcodes.IFNULL: case Opcodes.IFNONNULL:
                return 3;
            case Opcodes.MULTIANEWARRAY:
                return 4;
            case Opcodes.INVOKEINTERFACE: case Opcodes.INVOKEDYNAMIC: case 0xC8: case 0xC9: // goto_w, jsr_w
                return 5;
            case 0xC4: // wide
                return reader.readByte(start + pc + 1) == Opcodes.IINC ? 6 : 4;
            case Opcodes.TABLESWITCH: {
                int table = pc + 1 + (3 - (pc & 3));
                int low = reader.readInt(start + table + 4);
                int high = reader.readInt(start + table + 8);
                return table - pc + 12 + 4 * (high - low + 1);
            }
            case Opcodes.LOOKUPSWITCH: {
                int table = pc + 1 + (3 - (pc & 3));
                return table - pc + 8 + 8 * reader.readInt(start + table + 4);
            }
            default:
                return opcode >= Opcodes.IFEQ && opcode <= Opcodes.JSR ? 3 : 1;
        }
    }

    static int skipAttributes(ClassReader reader, int offset) {
        int attributes = reader.readUnsignedShort(offset);
        offset += 2;
        for (int a = 0; a < attributes; a++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }
}

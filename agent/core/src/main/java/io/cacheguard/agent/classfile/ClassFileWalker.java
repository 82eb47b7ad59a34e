package io.cacheguard.agent.classfile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The one walker over a class file's raw structure, for the filters that decide about a class
 * before (or instead of) parsing it: its constants by tag, its fields and methods with their flags,
 * and a method's instructions one by one (JVMS 4.4 to 4.7, 6.5), read through ASM's
 * {@link ClassReader} without building any of ASM's views. Names are read only when a caller
 * asks, so a filter that looks at flags or opcodes allocates nothing per member.
 */
public final class ClassFileWalker {
    public static final int UTF8 = 1;
    public static final int FIELDREF = 9;
    public static final int METHODREF = 10;
    public static final int INTERFACE_METHODREF = 11;

    private final ClassReader reader;
    private final char[] buffer;

    public ClassFileWalker(ClassReader reader) {
        this.reader = reader;
        this.buffer = new char[reader.getMaxStringLength()];
    }

    /** Sees one constant: its tag and its offset (just after the tag, as {@link ClassReader#getItem} answers). */
    public interface ConstantVisitor {
        /** @return true to stop the walk */
        boolean visit(int tag, int offset);
    }

    /** Sees a field or a method: its access flags and the offset of its {@code field_info}/{@code method_info}. */
    public interface MemberVisitor {
        /** @return true to stop the walk */
        boolean field(int access, int member);

        /**
         * @param codeStart the offset of the method's first instruction, or -1 without code
         * @return true to stop the walk
         */
        boolean method(int access, int member, int codeStart, int codeLength);
    }

    /** Sees one instruction: its opcode and its offset in the class file. */
    public interface InstructionVisitor {
        /** @return true to stop the walk */
        boolean visit(int opcode, int offset);
    }

    /** Walks the constant pool in order; true when the visitor stopped it. */
    public boolean anyConstant(ConstantVisitor visitor) {
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset != 0 && visitor.visit(reader.readByte(offset - 1), offset)) {
                return true;
            }
        }
        return false;
    }

    /** Walks the fields, then the methods, in declaration order; true when the visitor stopped it. */
    public boolean anyMember(MemberVisitor visitor) {
        int offset = reader.header + 6;
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fields = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            if (visitor.field(reader.readUnsignedShort(offset), offset)) {
                return true;
            }
            offset = skipAttributes(offset + 6);
        }
        int methods = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            int member = offset;
            int codeStart = -1;
            int codeLength = 0;
            int attributes = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                if (codeStart < 0 && "Code".equals(reader.readUTF8(offset, buffer))) {
                    codeStart = offset + 14;
                    codeLength = reader.readInt(offset + 10);
                }
                offset += 6 + reader.readInt(offset + 2);
            }
            if (visitor.method(reader.readUnsignedShort(member), member, codeStart, codeLength)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks one method's instructions; true when the visitor stopped it. Decoding each length is
     * what tells an opcode from an operand byte that happens to equal it (a constant pool index, a
     * branch offset, a switch key).
     */
    public boolean anyInstruction(int codeStart, int codeLength, InstructionVisitor visitor) {
        int pc = 0;
        while (pc < codeLength) {
            int opcode = reader.readByte(codeStart + pc);
            if (visitor.visit(opcode, codeStart + pc)) {
                return true;
            }
            pc += instructionLength(codeStart, pc, opcode);
        }
        return false;
    }

    /** The name of a field or method, from the offset of its {@code field_info}/{@code method_info}. */
    public String memberName(int member) {
        return reader.readUTF8(member + 2, buffer);
    }

    /** The descriptor of a field or method, from the offset of its {@code field_info}/{@code method_info}. */
    public String memberDescriptor(int member) {
        return reader.readUTF8(member + 4, buffer);
    }

    /** The class a {@code Fieldref}/{@code Methodref}/{@code InterfaceMethodref} constant at {@code offset} names. */
    public String refOwner(int offset) {
        return reader.readClass(offset, buffer);
    }

    /** The member name a {@code Fieldref}/{@code Methodref} constant at {@code offset} names. */
    public String refName(int offset) {
        return reader.readUTF8(reader.getItem(reader.readUnsignedShort(offset + 2)), buffer);
    }

    /** The descriptor a {@code Fieldref}/{@code Methodref} constant at {@code offset} names. */
    public String refDescriptor(int offset) {
        return reader.readUTF8(reader.getItem(reader.readUnsignedShort(offset + 2)) + 2, buffer);
    }

    /** The offset of the constant an instruction's two-byte operand at {@code operand} refers to. */
    public int constantAt(int operand) {
        return reader.getItem(reader.readUnsignedShort(operand));
    }

    /** Whether the UTF-8 constant at {@code offset} holds {@code text} at character {@code from} (ASCII only). */
    public boolean utf8RegionMatches(int offset, int from, String text) {
        if (reader.readUnsignedShort(offset) < from + text.length()) {
            return false;
        }
        for (int c = 0; c < text.length(); c++) {
            if (reader.readByte(offset + 2 + from + c) != text.charAt(c)) {
                return false;
            }
        }
        return true;
    }

    /** The length in bytes of the UTF-8 constant at {@code offset}. */
    public int utf8Length(int offset) {
        return reader.readUnsignedShort(offset);
    }

    /** Byte {@code index} (from 0) of the text of the UTF-8 constant at {@code utf8}. */
    public int utf8Byte(int utf8, int index) {
        return reader.readByte(utf8 + 2 + index);
    }

    private int skipAttributes(int offset) {
        int attributes = reader.readUnsignedShort(offset);
        offset += 2;
        for (int a = 0; a < attributes; a++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }

    /** The length in bytes of the instruction at {@code pc} (JVMS 6.5). */
    private int instructionLength(int start, int pc, int opcode) {
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
}

package io.cacheguard.agent.classfile;

import java.nio.charset.StandardCharsets;
import org.objectweb.asm.Opcodes;

/**
 * The one walker over a class file's raw bytes, for the filters that decide about a class before
 * (or instead of) parsing it: its constants by tag, its fields and methods with their flags, and a
 * method's instructions one by one (JVMS 4.4 to 4.7, 6.5). It reads the bytes as they are: a walk
 * of the constant pool costs one pass and no allocation, which is what the filter that every
 * loaded class meets must cost ({@code ClassPreFilter}; measured at half of building ASM's
 * {@code ClassReader}, see the README). The offsets of the constants, which resolving a
 * {@code Fieldref} or finding the members needs, are computed once, on the first such request.
 * Names are decoded only when a caller asks, so a filter that looks at flags or opcodes allocates
 * nothing per member.
 *
 * <p>A malformed class file makes a method throw a {@link RuntimeException}; callers answer
 * "maybe" then and let the full parse decide and report.
 */
public final class ClassFileWalker {
    public static final int UTF8 = 1;
    public static final int FIELDREF = 9;
    public static final int METHODREF = 10;
    public static final int INTERFACE_METHODREF = 11;

    private final byte[] b;
    /** Offset just after each constant's tag, by index (0 for the second slot of a long or double); lazy. */
    private int[] constants;
    /** Offset of the access flags that follow the constant pool; lazy. */
    private int header;

    public ClassFileWalker(byte[] classFile) {
        if (classFile.length < 10 || u1(classFile, 0) != 0xCA || u1(classFile, 1) != 0xFE) {
            throw new IllegalArgumentException("not a class file");
        }
        this.b = classFile;
    }

    /** Sees one constant: its tag and its offset (just after the tag). */
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

    /** Walks the constant pool in order, in one pass over the bytes; true when the visitor stopped it. */
    public boolean anyConstant(ConstantVisitor visitor) {
        int count = u2(8);
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = u1(b, offset);
            if (visitor.visit(tag, offset + 1)) {
                return true;
            }
            offset += entryLength(tag, offset);
            if (tag == 5 || tag == 6) {
                i++; // a long or a double takes two slots
            }
        }
        return false;
    }

    /** Walks the fields, then the methods, in declaration order; true when the visitor stopped it. */
    public boolean anyMember(MemberVisitor visitor) {
        int offset = header() + 6;
        offset += 2 + 2 * u2(offset); // interfaces
        int fields = u2(offset);
        offset += 2;
        for (int i = 0; i < fields; i++) {
            if (visitor.field(u2(offset), offset)) {
                return true;
            }
            offset = skipAttributes(offset + 6);
        }
        int methods = u2(offset);
        offset += 2;
        for (int i = 0; i < methods; i++) {
            int member = offset;
            int codeStart = -1;
            int codeLength = 0;
            int attributes = u2(offset + 6);
            offset += 8;
            for (int a = 0; a < attributes; a++) {
                if (codeStart < 0 && utf8Equals(constant(u2(offset)), "Code")) {
                    codeStart = offset + 14;
                    codeLength = s4(offset + 10);
                }
                offset += 6 + s4(offset + 2);
            }
            if (visitor.method(u2(member), member, codeStart, codeLength)) {
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
            int opcode = u1(b, codeStart + pc);
            if (visitor.visit(opcode, codeStart + pc)) {
                return true;
            }
            pc += instructionLength(codeStart, pc, opcode);
        }
        return false;
    }

    /** The internal name of the class itself. */
    public String className() {
        return utf8(constant(u2(constant(u2(header() + 2)))));
    }

    /** The internal name of the superclass, or null for {@code java/lang/Object} and modules. */
    public String superName() {
        int index = u2(header() + 4);
        return index == 0 ? null : utf8(constant(u2(constant(index))));
    }

    /** The name of a field or method, from the offset of its {@code field_info}/{@code method_info}. */
    public String memberName(int member) {
        return utf8(constant(u2(member + 2)));
    }

    /** The descriptor of a field or method, from the offset of its {@code field_info}/{@code method_info}. */
    public String memberDescriptor(int member) {
        return utf8(constant(u2(member + 4)));
    }

    /** The class a {@code Fieldref}/{@code Methodref}/{@code InterfaceMethodref} constant at {@code offset} names. */
    public String refOwner(int offset) {
        return utf8(constant(u2(constant(u2(offset)))));
    }

    /** The member name a {@code Fieldref}/{@code Methodref} constant at {@code offset} names. */
    public String refName(int offset) {
        return utf8(constant(u2(constant(u2(offset + 2)))));
    }

    /** The descriptor a {@code Fieldref}/{@code Methodref} constant at {@code offset} names. */
    public String refDescriptor(int offset) {
        return utf8(constant(u2(constant(u2(offset + 2)) + 2)));
    }

    /** The offset of the constant an instruction's two-byte operand at {@code operand} refers to. */
    public int constantAt(int operand) {
        return constant(u2(operand));
    }

    /** The length in bytes of the UTF-8 constant at {@code offset}. */
    public int utf8Length(int offset) {
        return u2(offset);
    }

    /** Byte {@code index} (from 0) of the text of the UTF-8 constant at {@code offset}. */
    public int utf8Byte(int offset, int index) {
        return u1(b, offset + 2 + index);
    }

    /** Whether the UTF-8 constant at {@code offset} holds {@code text} at byte {@code from} (ASCII only). */
    public boolean utf8RegionMatches(int offset, int from, String text) {
        if (u2(offset) < from + text.length()) {
            return false;
        }
        for (int c = 0; c < text.length(); c++) {
            if (b[offset + 2 + from + c] != text.charAt(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text of the UTF-8 constant at {@code offset} (modified UTF-8, JVMS 4.4.7). */
    public String utf8(int offset) {
        int length = u2(offset);
        int start = offset + 2;
        boolean ascii = true;
        for (int i = start; i < start + length && ascii; i++) {
            ascii = b[i] > 0;
        }
        if (ascii) {
            return new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int n = 0;
        for (int i = start; i < start + length;) {
            int x = b[i++] & 0xFF;
            if ((x & 0x80) == 0) {
                chars[n++] = (char) x;
            } else if ((x & 0xE0) == 0xC0) {
                chars[n++] = (char) (((x & 0x1F) << 6) | (b[i++] & 0x3F));
            } else {
                chars[n++] = (char) (((x & 0x0F) << 12) | ((b[i++] & 0x3F) << 6) | (b[i++] & 0x3F));
            }
        }
        return new String(chars, 0, n);
    }

    private boolean utf8Equals(int offset, String text) {
        return u2(offset) == text.length() && utf8RegionMatches(offset, 0, text);
    }

    /** The offset just after the tag of constant {@code index}. */
    private int constant(int index) {
        if (constants == null) {
            indexConstants();
        }
        int offset = constants[index];
        if (offset == 0) {
            throw new IllegalArgumentException("no constant " + index);
        }
        return offset;
    }

    private int header() {
        if (constants == null) {
            indexConstants();
        }
        return header;
    }

    private void indexConstants() {
        int count = u2(8);
        int[] offsets = new int[count];
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = u1(b, offset);
            offsets[i] = offset + 1;
            offset += entryLength(tag, offset);
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        this.constants = offsets;
        this.header = offset;
    }

    /** The length of the constant whose tag is at {@code offset}, tag included (JVMS 4.4). */
    private int entryLength(int tag, int offset) {
        switch (tag) {
            case UTF8:
                return 3 + u2(offset + 1);
            case 3: case 4: case FIELDREF: case METHODREF: case INTERFACE_METHODREF: case 12: case 17: case 18:
                return 5;
            case 5: case 6:
                return 9;
            case 7: case 8: case 16: case 19: case 20:
                return 3;
            case 15:
                return 4;
            default:
                throw new IllegalArgumentException("unknown constant tag " + tag + " at " + offset);
        }
    }

    private int skipAttributes(int offset) {
        int attributes = u2(offset);
        offset += 2;
        for (int a = 0; a < attributes; a++) {
            offset += 6 + s4(offset + 2);
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
                return u1(b, start + pc + 1) == Opcodes.IINC ? 6 : 4;
            case Opcodes.TABLESWITCH: {
                int table = pc + 1 + (3 - (pc & 3));
                int low = s4(start + table + 4);
                int high = s4(start + table + 8);
                return table - pc + 12 + 4 * (high - low + 1);
            }
            case Opcodes.LOOKUPSWITCH: {
                int table = pc + 1 + (3 - (pc & 3));
                return table - pc + 8 + 8 * s4(start + table + 4);
            }
            default:
                return opcode >= Opcodes.IFEQ && opcode <= Opcodes.JSR ? 3 : 1;
        }
    }

    private int u2(int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    private int s4(int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }

    private static int u1(byte[] bytes, int offset) {
        return bytes[offset] & 0xFF;
    }
}

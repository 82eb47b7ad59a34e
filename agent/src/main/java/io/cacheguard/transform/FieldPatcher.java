package io.cacheguard.transform;

import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites the accesses to patched fields in one class file. Only method bodies change, no member
 * is added, so the same rewrite also serves retransformation on attach:
 * <ul>
 * <li>a store passes its value through {@code Guards.guard}, which answers the thread-safe twin;</li>
 * <li>a read passes the value through {@code Guards.onRead}/{@code onStaticRead}, which guard a raw
 * map that arrived without a store (reflection, deserialization) and write the guard back;</li>
 * <li>a lazy initialisation found by the analysis becomes {@code Guards.initIfNull}, a
 * compare-and-set from null.</li>
 * </ul>
 * The inserted code has no branches, so existing stack map frames stay valid and none is computed
 * (computing frames would load classes from inside the transformer).
 */
final class FieldPatcher {
    private static final String GUARDS = "io/cacheguard/runtime/Guards";
    private static final String GUARD = "(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;";
    private static final String ON_READ = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;";
    private static final String ON_STATIC_READ =
            "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Object;";
    private static final String INIT_IF_NULL = "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/String;)V";
    private static final String INIT_STATIC_IF_NULL = "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;)V";

    private FieldPatcher() {
    }

    /**
     * @param patched owner internal name → its patched fields → their lazy-initialisation stores
     * @return the rewritten class file, or null if no instruction touched a patched field
     */
    static byte[] patch(ClassReader reader, Map<String, Map<String, Set<String>>> patched) {
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = {false};
        int[] version = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                version[0] = v & 0xFFFF;
                super.visit(v, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                String method = name + descriptor;
                String self = reader.getClassName();
                return new MethodVisitor(Opcodes.ASM9, next) {
                    /** Stores seen so far per field, to recognise the lazy ones by their ordinal. */
                    private final Map<String, Integer> stores = new java.util.HashMap<>();

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        Map<String, Set<String>> fields = patched.get(owner);
                        if (fields == null || !fields.containsKey(field)) {
                            super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                            return;
                        }
                        changed[0] = true;
                        boolean lazy = false;
                        if ((opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) && owner.equals(self)) {
                            int ordinal = stores.merge(field, 1, Integer::sum) - 1;
                            lazy = fields.get(field).contains(method + "#" + ordinal);
                        }
                        String id = owner.replace('/', '.') + "." + field;
                        String type = Type.getType(fieldDescriptor).getInternalName();
                        switch (opcode) {
                            case Opcodes.PUTFIELD:
                            case Opcodes.PUTSTATIC:
                                super.visitLdcInsn(id);
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "guard", GUARD, false);
                                super.visitTypeInsn(Opcodes.CHECKCAST, type);
                                if (!lazy) {
                                    super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                                } else if (opcode == Opcodes.PUTFIELD) {
                                    super.visitLdcInsn(id);
                                    super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "initIfNull", INIT_IF_NULL,
                                            false);
                                } else {
                                    super.visitLdcInsn(Type.getObjectType(owner));
                                    super.visitLdcInsn(id);
                                    super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "initStaticIfNull",
                                            INIT_STATIC_IF_NULL, false);
                                }
                                break;
                            case Opcodes.GETFIELD:
                                super.visitInsn(Opcodes.DUP);
                                super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                                super.visitLdcInsn(id);
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "onRead", ON_READ, false);
                                super.visitTypeInsn(Opcodes.CHECKCAST, type);
                                break;
                            default: // GETSTATIC
                                super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                                if (version[0] >= Opcodes.V1_5) { // class constants need Java 5 class files
                                    super.visitLdcInsn(Type.getObjectType(owner));
                                    super.visitLdcInsn(id);
                                    super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "onStaticRead",
                                            ON_STATIC_READ, false);
                                    super.visitTypeInsn(Opcodes.CHECKCAST, type);
                                }
                                break;
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }
}

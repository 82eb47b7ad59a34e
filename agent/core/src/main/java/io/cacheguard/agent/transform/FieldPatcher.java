package io.cacheguard.agent.transform;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
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
 * In mode {@code detect} a watched field's stores go through {@code Guards.track} instead, and its
 * reads stay as written; with race detection on, a finished class initialiser or constructor marks
 * the maps it filled as published, and {@link SyncPatcher} makes the class's synchronization visible.
 * The inserted code has no branches, so existing stack map frames stay valid and none is computed
 * (computing frames would load classes from inside the transformer); the one handler
 * {@link SyncPatcher} adds brings its own frame.
 */
final class FieldPatcher {

    private FieldPatcher() {
    }

    /**
     * @param classFile the class file as the loader defines it
     * @param plans     owner internal name → its handled fields → what to do with them
     * @param publish   whether race detection is on, so finished initialisers publish their maps
     * @param syncHooks whether to make the class's synchronization visible to the race detector
     * @return the rewritten class file, or null if nothing changed
     */
    static byte[] patch(byte[] classFile, Map<String, Map<String, FieldPlan>> plans, boolean publish,
                        boolean syncHooks) {
        // In a class with no handled field only the methods holding synchronization the detector
        // models change: the writer copies every other method's bytes as they are (it does so when
        // handed back a method visitor of its own).
        Set<String> hookedMethods = syncHooks && plans.isEmpty() ? SyncMethodScan.methodsNeedingHooks(classFile) : null;
        if (hookedMethods != null && hookedMethods.isEmpty()) {
            return null;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        boolean[] changed = {false};
        int[] version = {0};
        String self = reader.getClassName();
        Set<String> volatileFields = new HashSet<>();
        /** Own handled fields that a finished initialiser publishes: name → descriptor. */
        Map<String, String> publishedStatics = new HashMap<>();
        Map<String, String> publishedFinals = new HashMap<>();
        Map<String, FieldPlan> ownPlans = plans.getOrDefault(self, Map.of());
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                version[0] = v & 0xFFFF;
                super.visit(v, access, name, signature, superName, interfaces);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if ((access & Opcodes.ACC_VOLATILE) != 0) {
                    volatileFields.add(name);
                }
                if (publish && ownPlans.containsKey(name)) {
                    if ((access & Opcodes.ACC_STATIC) != 0) {
                        publishedStatics.put(name, descriptor);
                    } else if ((access & Opcodes.ACC_FINAL) != 0) {
                        publishedFinals.put(name, descriptor);
                    }
                }
                return super.visitField(access, name, descriptor, signature, value);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (hookedMethods != null && !hookedMethods.contains(name + descriptor)) {
                    return next;
                }
                if (syncHooks) {
                    next = new SyncPatcher(next, self, access, volatileFields, version[0], changed);
                }
                Map<String, String> published = name.equals("<clinit>") ? publishedStatics
                        : name.equals("<init>") ? publishedFinals : Map.of();
                return new FieldAccessPatcher(next, self, name + descriptor, plans, published, version[0], changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    /** Rewrites one method's accesses to handled fields; see the class comment. */
    private static final class FieldAccessPatcher extends MethodVisitor {
        private final String self;
        private final String method;
        private final Map<String, Map<String, FieldPlan>> plans;
        private final Map<String, String> published;
        private final int version;
        private final boolean[] changed;
        /** Stores seen so far per field, to recognise the lazy ones by their ordinal. */
        private final Map<String, Integer> stores = new HashMap<>();
        private final FreshMapLocal fresh = new FreshMapLocal();

        FieldAccessPatcher(MethodVisitor next, String self, String method, Map<String, Map<String, FieldPlan>> plans,
                           Map<String, String> published, int version, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.self = self;
            this.method = method;
            this.plans = plans;
            this.published = published;
            this.version = version;
            this.changed = changed;
        }

        /**
         * A finished class initialiser or constructor publishes the maps it filled: whoever uses
         * them next is ordered after it (class initialisation; final field semantics).
         */
        @Override
        public void visitInsn(int opcode) {
            fresh.insn(opcode);
            if (opcode == Opcodes.RETURN && !published.isEmpty()) {
                changed[0] = true;
                boolean statics = method.startsWith("<clinit>");
                for (Map.Entry<String, String> field : published.entrySet()) {
                    if (statics) {
                        super.visitFieldInsn(Opcodes.GETSTATIC, self, field.getKey(), field.getValue());
                    } else {
                        super.visitVarInsn(Opcodes.ALOAD, 0);
                        super.visitFieldInsn(Opcodes.GETFIELD, self, field.getKey(), field.getValue());
                    }
                    RuntimeCall.PUBLISHED.emit(mv);
                }
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            fresh.typeInsn(opcode, type);
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitVarInsn(int opcode, int var) {
            fresh.varInsn(opcode, var);
            super.visitVarInsn(opcode, var);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            fresh.methodInsn(opcode, owner, name);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            fresh.otherInsn();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            fresh.reset();
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            fresh.otherInsn();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int var, int increment) {
            fresh.otherInsn();
            super.visitIincInsn(var, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            fresh.reset();
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            fresh.reset();
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            fresh.reset();
            super.visitMultiANewArrayInsn(descriptor, dimensions);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                           Object... arguments) {
            fresh.reset();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            fresh.reset(); // a branch target: other paths may bring other values
            super.visitFrame(type, numLocal, local, numStack, stack);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
            Map<String, FieldPlan> fields = plans.get(owner);
            FieldPlan plan = fields == null ? null : fields.get(field);
            boolean store = opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC;
            int alias = store ? fresh.aliasOfStore() : -1;
            String aliasType = fresh.type();
            if (store) {
                fresh.reset();
            } else {
                fresh.otherInsn(); // a field read inside the constructor's arguments: new HashMap<>(cache)
            }
            if (plan == null) {
                super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                return;
            }
            if (!plan.guard && !store) {
                super.visitFieldInsn(opcode, owner, field, fieldDescriptor); // watched only: reads stay as written
                return;
            }
            changed[0] = true;
            boolean lazy = false;
            if (store && owner.equals(self) && plan.declaringClass == null) {
                int ordinal = stores.merge(field, 1, Integer::sum) - 1;
                lazy = plan.lazyStores.contains(method + "#" + ordinal);
            }
            String id = (plan.declaringClass != null ? plan.declaringClass : owner).replace('/', '.') + "." + field;
            String type = Type.getType(fieldDescriptor).getInternalName();
            switch (opcode) {
                case Opcodes.PUTFIELD:
                case Opcodes.PUTSTATIC:
                    super.visitLdcInsn(id);
                    (plan.guard ? RuntimeCall.GUARD : RuntimeCall.TRACK).emit(mv);
                    boolean aliased = alias >= 0;
                    if (aliased) {
                        // the local that still holds the fresh map takes its twin too (see FreshMapLocal)
                        super.visitTypeInsn(Opcodes.CHECKCAST, aliasType);
                        super.visitInsn(Opcodes.DUP);
                        super.visitVarInsn(Opcodes.ASTORE, alias);
                    }
                    super.visitTypeInsn(Opcodes.CHECKCAST, type);
                    if (!lazy) {
                        super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    } else if (opcode == Opcodes.PUTFIELD) {
                        super.visitLdcInsn(id);
                        RuntimeCall.INIT_IF_NULL.emit(mv);
                    } else {
                        pushClass(owner);
                        super.visitLdcInsn(id);
                        RuntimeCall.INIT_STATIC_IF_NULL.emit(mv);
                    }
                    if (aliased && lazy) {
                        // a thread that lost the compare-and-set goes on with the winner's map, as the field does
                        if (opcode == Opcodes.PUTFIELD) {
                            super.visitVarInsn(Opcodes.ALOAD, 0);
                            super.visitFieldInsn(Opcodes.GETFIELD, owner, field, fieldDescriptor);
                        } else {
                            super.visitFieldInsn(Opcodes.GETSTATIC, owner, field, fieldDescriptor);
                        }
                        super.visitVarInsn(Opcodes.ALOAD, alias);
                        pushClass(aliasType);
                        RuntimeCall.ADOPT.emit(mv);
                        super.visitTypeInsn(Opcodes.CHECKCAST, aliasType);
                        super.visitVarInsn(Opcodes.ASTORE, alias);
                    }
                    break;
                case Opcodes.GETFIELD:
                    super.visitInsn(Opcodes.DUP);
                    super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    super.visitLdcInsn(id);
                    RuntimeCall.ON_READ.emit(mv);
                    super.visitTypeInsn(Opcodes.CHECKCAST, type);
                    break;
                default: // GETSTATIC
                    super.visitFieldInsn(opcode, owner, field, fieldDescriptor);
                    if (version >= Opcodes.V1_5) { // a read is hot: no Class.forName here (see pushClass)
                        super.visitLdcInsn(Type.getObjectType(owner));
                        super.visitLdcInsn(id);
                        RuntimeCall.ON_STATIC_READ.emit(mv);
                        super.visitTypeInsn(Opcodes.CHECKCAST, type);
                    }
                    break;
            }
        }

        /**
         * Pushes the {@code Class} of an internal name. A class constant ({@code LDC}) is illegal
         * before Java 5 class files (49): the verifier rejects the whole class, and the host dies
         * with a {@code VerifyError}. Those get {@code Class.forName(name)}, which resolves through
         * the calling class's own loader, as the constant would; it initialises the class, which
         * is harmless here: the callers only name the class running the code (its lazy store) or a
         * JDK map type. Only the rare paths use it: a lazy initialisation that finds null.
         */
        private void pushClass(String internalName) {
            if (version >= Opcodes.V1_5) {
                super.visitLdcInsn(Type.getObjectType(internalName));
            } else {
                super.visitLdcInsn(internalName.replace('/', '.'));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Class", "forName",
                        "(Ljava/lang/String;)Ljava/lang/Class;", false);
            }
        }
    }
}

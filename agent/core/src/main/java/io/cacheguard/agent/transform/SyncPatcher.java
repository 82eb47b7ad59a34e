package io.cacheguard.agent.transform;

import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Makes one method's synchronization visible to the race detector: entering and leaving monitors
 * (blocks and {@code synchronized} methods, on every exit), calls of {@link SyncCalls}, volatile
 * reads and writes of the class's own fields, and {@code Thread.start}/{@code join} and read-write
 * lock views, whose hooks go around the unchanged call.
 */
final class SyncPatcher extends MethodVisitor {

    private final String self;
    private final boolean synchronizedMethod;
    private final boolean staticMethod;
    private final Set<String> volatileFields;
    private final int version;
    private final boolean[] changed;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    SyncPatcher(MethodVisitor next, String self, int access, Set<String> volatileFields, int version,
                boolean[] changed) {
        super(Opcodes.ASM9, next);
        this.self = self;
        this.synchronizedMethod = (access & Opcodes.ACC_SYNCHRONIZED) != 0 && (access & Opcodes.ACC_ABSTRACT) == 0
                && ((access & Opcodes.ACC_STATIC) == 0 || version >= Opcodes.V1_5);
        this.staticMethod = (access & Opcodes.ACC_STATIC) != 0;
        this.volatileFields = volatileFields;
        this.version = version;
        this.changed = changed;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (synchronizedMethod) {
            changed[0] = true;
            super.visitLabel(start);
            pushMonitor();
            RuntimeCall.ENTER.emit(mv);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        switch (opcode) {
            case Opcodes.MONITORENTER:
                changed[0] = true;
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(opcode);
                RuntimeCall.ENTER.emit(mv);
                return;
            case Opcodes.MONITOREXIT:
                changed[0] = true;
                super.visitInsn(Opcodes.DUP);
                RuntimeCall.EXIT.emit(mv);
                super.visitInsn(opcode);
                return;
            case Opcodes.IRETURN: case Opcodes.LRETURN: case Opcodes.FRETURN: case Opcodes.DRETURN:
            case Opcodes.ARETURN: case Opcodes.RETURN:
                if (synchronizedMethod) {
                    pushMonitor();
                    RuntimeCall.EXIT.emit(mv);
                }
                super.visitInsn(opcode);
                return;
            default:
                super.visitInsn(opcode);
        }
    }

    /**
     * A synchronized method left by an exception releases too: a catch-all handler after every
     * handler of the method's own (so it never pre-empts them), which releases and rethrows.
     */
    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (synchronizedMethod) {
            super.visitLabel(end);
            super.visitTryCatchBlock(start, end, handler, null);
            super.visitLabel(handler);
            if (version >= Opcodes.V1_6) {
                Object[] locals = staticMethod ? new Object[0] : new Object[] {self};
                super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            pushMonitor();
            RuntimeCall.EXIT.emit(mv);
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private void pushMonitor() {
        if (staticMethod) {
            super.visitLdcInsn(Type.getObjectType(self));
        } else {
            super.visitVarInsn(Opcodes.ALOAD, 0);
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if (!owner.equals(self) || !volatileFields.contains(name)
                || (opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC) && version < Opcodes.V1_5) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            return;
        }
        changed[0] = true;
        boolean wide = descriptor.equals("J") || descriptor.equals("D");
        switch (opcode) {
            case Opcodes.PUTSTATIC:
                super.visitLdcInsn(Type.getObjectType(self));
                RuntimeCall.RELEASE.emit(mv);
                super.visitFieldInsn(opcode, owner, name, descriptor);
                break;
            case Opcodes.GETSTATIC:
                super.visitFieldInsn(opcode, owner, name, descriptor);
                super.visitLdcInsn(Type.getObjectType(self));
                RuntimeCall.ACQUIRE.emit(mv);
                break;
            case Opcodes.PUTFIELD: // [holder, value] -> release(holder) -> [holder, value]
                if (wide) {
                    super.visitInsn(Opcodes.DUP2_X1);
                    super.visitInsn(Opcodes.POP2);
                    super.visitInsn(Opcodes.DUP_X2);
                } else {
                    super.visitInsn(Opcodes.DUP2);
                    super.visitInsn(Opcodes.POP);
                }
                RuntimeCall.RELEASE.emit(mv);
                super.visitFieldInsn(opcode, owner, name, descriptor);
                break;
            default: // GETFIELD: [holder] -> [value], then acquire(holder)
                super.visitInsn(Opcodes.DUP);
                super.visitFieldInsn(opcode, owner, name, descriptor);
                if (wide) {
                    super.visitInsn(Opcodes.DUP2_X1);
                    super.visitInsn(Opcodes.POP2);
                } else {
                    super.visitInsn(Opcodes.SWAP);
                }
                RuntimeCall.ACQUIRE.emit(mv);
                break;
        }
    }

    /**
     * Whether {@link #visitMethodInsn} changes this call: the one decision {@link SyncMethodScan}
     * takes from the class file's bytes, so that methods without such a call are copied unparsed.
     */
    static boolean hooksCall(int opcode, String owner, String name, String descriptor) {
        return replacement(opcode, owner, name, descriptor) != null || aroundHook(opcode, owner, name, descriptor) != null;
    }

    /** The hook that replaces this call, or null. */
    private static SyncCalls.Replacement replacement(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.INVOKESPECIAL || owner.startsWith(RuntimeCall.RUNTIME_PACKAGE)) {
            return null;
        }
        SyncCalls.Replacement replacement =
                SyncCalls.replacementFor(opcode == Opcodes.INVOKESTATIC, owner, name, descriptor);
        return replacement != null && replaces(descriptor, replacement.hookDescriptor) ? replacement : null;
    }

    /** The hook placed around this call when none replaces it, or null. */
    private static RuntimeCall aroundHook(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.INVOKESPECIAL || opcode == Opcodes.INVOKESTATIC
                || owner.startsWith(RuntimeCall.RUNTIME_PACKAGE)) {
            return null;
        }
        return aroundHook(name, descriptor);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        SyncCalls.Replacement replacement = replacement(opcode, owner, name, descriptor);
        if (replacement != null) {
            changed[0] = true;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, replacement.owner, replacement.hook,
                    replacement.hookDescriptor, false);
            Type returned = Type.getReturnType(descriptor);
            if (!returned.equals(Type.getReturnType(replacement.hookDescriptor))) {
                super.visitTypeInsn(Opcodes.CHECKCAST, returned.getInternalName());
            }
            return;
        }
        RuntimeCall hook = aroundHook(opcode, owner, name, descriptor);
        if (hook == null) {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            return;
        }
        changed[0] = true;
        switch (hook) {
            case STARTING:
                super.visitInsn(Opcodes.DUP);
                hook.emit(mv);
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                break;
            case JOINED:
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                hook.emit(mv);
                break;
            default: // READ_VIEW / WRITE_VIEW: [owner] -> [view], telling the hook both
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                super.visitInsn(Opcodes.DUP_X1);
                hook.emit(mv);
                break;
        }
    }

    /** Hooks around calls with no arguments: thread start and join, read-write lock views. */
    private static RuntimeCall aroundHook(String name, String descriptor) {
        if (descriptor.equals("()V")) {
            return name.equals("start") ? RuntimeCall.STARTING : name.equals("join") ? RuntimeCall.JOINED : null;
        }
        if (descriptor.startsWith("()L")) {
            if (name.equals("readLock") || name.equals("asReadLock")) {
                return RuntimeCall.READ_VIEW;
            }
            if (name.equals("writeLock") || name.equals("asWriteLock")) {
                return RuntimeCall.WRITE_VIEW;
            }
        }
        return null;
    }

    /** A hook stands for a call when it returns the same kind of value (a reference may be cast back). */
    private static boolean replaces(String descriptor, String hookDescriptor) {
        Type original = Type.getReturnType(descriptor);
        Type hook = Type.getReturnType(hookDescriptor);
        return original.equals(hook) || original.getSort() == Type.OBJECT && hook.getSort() == Type.OBJECT;
    }
}

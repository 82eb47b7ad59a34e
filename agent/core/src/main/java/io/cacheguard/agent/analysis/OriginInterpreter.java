package io.cacheguard.agent.analysis;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Tracks where values come from through locals, the stack, casts and calls, which is what lets
 * the analysis see that {@code Map m = this.cache; ((HashMap) m).put(k, v)} writes {@code cache},
 * however javac arranged the instructions.
 */
class OriginInterpreter extends Interpreter<OriginValue> {
    private final String owner;
    private final LockResolver locks;
    /** Private accessor methods ({@code access$000}, Scala-style getters): owner.name+desc → the field they return. */
    private final Map<String, Origin> accessors;

    /** A tracked field referenced through a subclass ({@code Sub.cache}): owner.name → the declaring class. */
    private final Map<String, String> declaringClass;

    OriginInterpreter(String owner, LockResolver locks, Map<String, Origin> accessors,
                      Map<String, String> declaringClass) {
        super(Opcodes.ASM9);
        this.owner = owner;
        this.locks = locks;
        this.accessors = accessors;
        this.declaringClass = declaringClass;
    }

    /** The field as its declaring class names it, so that {@code Sub.cache} and its monitor are {@code Base.cache}. */
    private Origin field(FieldInsnNode field) {
        String declared = declaringClass.get(field.owner + "." + field.name);
        return Origin.field(declared == null ? field.owner : declared, field.name);
    }

    @Override
    public OriginValue newValue(Type type) {
        if (type == null) {
            return OriginValue.UNINITIALIZED;
        }
        if (type.getSort() == Type.VOID) {
            return null;
        }
        return OriginValue.plain(type.getSize());
    }

    @Override
    public OriginValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
        if (isInstanceMethod && local == 0) {
            return OriginValue.of(1, Origin.self(owner));
        }
        return OriginValue.of(type.getSize(), Origin.parameter(local));
    }

    @Override
    public OriginValue newOperation(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case Opcodes.ACONST_NULL:
                return OriginValue.of(1, Origin.nullConstant());
            case Opcodes.ICONST_M1:
            case Opcodes.ICONST_0:
            case Opcodes.ICONST_1:
            case Opcodes.ICONST_2:
            case Opcodes.ICONST_3:
            case Opcodes.ICONST_4:
            case Opcodes.ICONST_5:
                return OriginValue.of(1, Origin.intConstant(insn.getOpcode() - Opcodes.ICONST_0));
            case Opcodes.BIPUSH:
            case Opcodes.SIPUSH:
                return OriginValue.of(1, Origin.intConstant(((IntInsnNode) insn).operand));
            case Opcodes.LCONST_0:
            case Opcodes.LCONST_1:
            case Opcodes.DCONST_0:
            case Opcodes.DCONST_1:
                return OriginValue.TWO_SLOTS;
            case Opcodes.LDC: {
                Object constant = ((LdcInsnNode) insn).cst;
                if (constant instanceof Type && ((Type) constant).getSort() == Type.OBJECT) {
                    return OriginValue.of(1, Origin.classConstant(((Type) constant).getInternalName()));
                }
                return OriginValue.plain(constant instanceof Long || constant instanceof Double ? 2 : 1);
            }
            case Opcodes.GETSTATIC: {
                FieldInsnNode field = (FieldInsnNode) insn;
                return OriginValue.of(Type.getType(field.desc).getSize(), field(field));
            }
            case Opcodes.NEW:
                return OriginValue.of(1, Origin.allocation(((TypeInsnNode) insn).desc, insn));
            default:
                return OriginValue.ONE_SLOT;
        }
    }

    @Override
    public OriginValue copyOperation(AbstractInsnNode insn, OriginValue value) {
        return value;
    }

    @Override
    public OriginValue unaryOperation(AbstractInsnNode insn, OriginValue value) {
        switch (insn.getOpcode()) {
            case Opcodes.GETFIELD: {
                FieldInsnNode field = (FieldInsnNode) insn;
                if (field.name.startsWith("this$") && field.desc.startsWith("L")) {
                    // an inner class's reference to its enclosing instance is that instance's 'this'
                    return OriginValue.of(1, Origin.self(Type.getType(field.desc).getInternalName()));
                }
                return OriginValue.of(Type.getType(field.desc).getSize(), field(field));
            }
            case Opcodes.CHECKCAST:
                return value;
            case Opcodes.LNEG:
            case Opcodes.DNEG:
            case Opcodes.I2L:
            case Opcodes.I2D:
            case Opcodes.L2D:
            case Opcodes.F2L:
            case Opcodes.F2D:
            case Opcodes.D2L:
                return OriginValue.TWO_SLOTS;
            case Opcodes.IFEQ:
            case Opcodes.IFNE:
            case Opcodes.IFLT:
            case Opcodes.IFGE:
            case Opcodes.IFGT:
            case Opcodes.IFLE:
            case Opcodes.IFNULL:
            case Opcodes.IFNONNULL:
            case Opcodes.TABLESWITCH:
            case Opcodes.LOOKUPSWITCH:
            case Opcodes.IRETURN:
            case Opcodes.LRETURN:
            case Opcodes.FRETURN:
            case Opcodes.DRETURN:
            case Opcodes.ARETURN:
            case Opcodes.PUTSTATIC:
            case Opcodes.ATHROW:
            case Opcodes.MONITORENTER:
            case Opcodes.MONITOREXIT:
                return null;
            default:
                return OriginValue.ONE_SLOT;
        }
    }

    @Override
    public OriginValue binaryOperation(AbstractInsnNode insn, OriginValue value1, OriginValue value2) {
        switch (insn.getOpcode()) {
            case Opcodes.LALOAD:
            case Opcodes.DALOAD:
            case Opcodes.LADD:
            case Opcodes.DADD:
            case Opcodes.LSUB:
            case Opcodes.DSUB:
            case Opcodes.LMUL:
            case Opcodes.DMUL:
            case Opcodes.LDIV:
            case Opcodes.DDIV:
            case Opcodes.LREM:
            case Opcodes.DREM:
            case Opcodes.LSHL:
            case Opcodes.LSHR:
            case Opcodes.LUSHR:
            case Opcodes.LAND:
            case Opcodes.LOR:
            case Opcodes.LXOR:
                return OriginValue.TWO_SLOTS;
            case Opcodes.IF_ICMPEQ:
            case Opcodes.IF_ICMPNE:
            case Opcodes.IF_ICMPLT:
            case Opcodes.IF_ICMPGE:
            case Opcodes.IF_ICMPGT:
            case Opcodes.IF_ICMPLE:
            case Opcodes.IF_ACMPEQ:
            case Opcodes.IF_ACMPNE:
            case Opcodes.PUTFIELD:
                return null;
            default:
                return OriginValue.ONE_SLOT;
        }
    }

    @Override
    public OriginValue ternaryOperation(AbstractInsnNode insn, OriginValue value1, OriginValue value2,
                                        OriginValue value3) {
        return null;
    }

    @Override
    public OriginValue naryOperation(AbstractInsnNode insn, List<? extends OriginValue> values) {
        if (insn instanceof InvokeDynamicInsnNode) {
            return invokeDynamic((InvokeDynamicInsnNode) insn);
        }
        if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
            return OriginValue.ONE_SLOT;
        }
        MethodInsnNode call = (MethodInsnNode) insn;
        Type returnType = Type.getReturnType(call.desc);
        if (returnType.getSort() == Type.VOID) {
            return null;
        }
        Origin accessor = accessors.get(call.owner + "." + call.name + call.desc);
        if (accessor != null) {
            return OriginValue.of(returnType.getSize(), accessor);
        }
        boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
        if (hasReceiver) {
            OriginValue derived = derivedFromReceiver(call, values.get(0), returnType);
            if (derived != null) {
                return derived;
            }
        }
        if (MapTypes.isJdkOwner(call.owner) && MapTypes.mayBeView(returnType.getDescriptor())
                && !MapTypes.isCopy(call.owner, call.name)) {
            // e.g. Collections.synchronizedSet(cache.keySet()): the result still reaches the field's map;
            // Collections.unmodifiableMap(cache) reaches it too, but only to read it
            Origin.Role role = MapTypes.isUnmodifiableView(call.owner, call.name) ? Origin.Role.READ_ONLY_VIEW
                    : Origin.Role.VIEW;
            for (OriginValue argument : values.subList(hasReceiver ? 1 : 0, values.size())) {
                for (Origin origin : argument.origins) {
                    if (origin.isField() && origin.role != Origin.Role.READ_LOCK && origin.role != Origin.Role.WRITE_LOCK) {
                        return OriginValue.of(1, origin.derived(
                                origin.role == Origin.Role.READ_ONLY_VIEW ? Origin.Role.READ_ONLY_VIEW : role));
                    }
                }
            }
        }
        return OriginValue.of(returnType.getSize(), Origin.call(call.owner, call.name,
                returnType.getSort() == Type.OBJECT && MapTypes.THREAD_SAFE_TYPES.contains(returnType.getInternalName()),
                call));
    }

    /** Values a call on a tracked receiver hands back: views, iterators, entries, lock sides, try-lock results. */
    private OriginValue derivedFromReceiver(MethodInsnNode call, OriginValue receiver, Type returnType) {
        String name = call.name;
        if (locks.isTryLock(call)) {
            LockId lock = locks.lockOf(receiver, call);
            return lock == null ? null : OriginValue.of(1, Origin.tryLock(lock));
        }
        if (locks.isStampedAcquire(call)) {
            LockId lock = locks.lockOf(receiver, call);
            return lock == null ? null : OriginValue.of(2, Origin.stamp(lock));
        }
        for (Origin origin : receiver.origins) {
            if (!origin.isField()) {
                continue;
            }
            switch (origin.role) {
                case READ_ONLY_VIEW:
                    if (MapTypes.isMapView(name) || name.equals("iterator") || name.equals("spliterator")
                            || name.equals("stream") || name.equals("next") || name.equals("reversed")) {
                        return OriginValue.of(1, origin);
                    }
                    break;
                case VALUE:
                    if (name.equals("readLock") || name.equals("asReadLock")) {
                        return OriginValue.of(1, origin.derived(Origin.Role.READ_LOCK));
                    }
                    if (name.equals("writeLock") && returnType.getSort() == Type.OBJECT
                            || name.equals("asWriteLock")) {
                        return OriginValue.of(1, origin.derived(Origin.Role.WRITE_LOCK));
                    }
                    if (MapTypes.isMapView(name)) {
                        return OriginValue.of(1, origin.derived(Origin.Role.VIEW));
                    }
                    break;
                case VIEW:
                    if (name.equals("iterator") || name.equals("listIterator") || name.equals("spliterator")
                            || name.equals("stream")) {
                        return OriginValue.of(1, origin.derived(Origin.Role.ITERATOR));
                    }
                    if (MapTypes.isMapView(name) || name.equals("reversed")) {
                        return OriginValue.of(1, origin.derived(Origin.Role.VIEW));
                    }
                    break;
                case ITERATOR:
                    if (name.equals("next") || name.equals("previous")) {
                        return OriginValue.of(1, origin.derived(Origin.Role.ENTRY));
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    private OriginValue invokeDynamic(InvokeDynamicInsnNode indy) {
        Type returnType = Type.getReturnType(indy.desc);
        if (returnType.getSort() == Type.VOID) {
            return null;
        }
        if ("java/lang/invoke/LambdaMetafactory".equals(indy.bsm.getOwner()) && indy.bsmArgs.length >= 2
                && indy.bsmArgs[1] instanceof Handle) {
            Handle implementation = (Handle) indy.bsmArgs[1];
            return OriginValue.of(1, Origin.lambda(implementation.getOwner(),
                    implementation.getName() + implementation.getDesc()));
        }
        return OriginValue.plain(returnType.getSize());
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, OriginValue value, OriginValue expected) {
        // returns are inspected with the frames, by the use collector
    }

    @Override
    public OriginValue merge(OriginValue value1, OriginValue value2) {
        return value1 == value2 ? value1 : value1.merge(value2);
    }
}

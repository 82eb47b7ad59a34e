package io.cacheguard.agent.analysis;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What a method of another class of the program does with a map passed to it, read from its class
 * file: only reads it (iterates, copies: jackson's {@code ReadOnlyClassToSerializerMap.from}),
 * changes it, or lets it go further (stores it, returns it, hands it to code it cannot follow). A
 * map that is only read or changed during the call is used there with the caller's locks, not an
 * escape. Only calls that reach one known body are followed (static, constructors, private and
 * final methods), a few calls deep and a few methods per analysed class, so a scan stays fast.
 */
final class PassedMaps {
    enum Effect { READS, WRITES, ESCAPES }

    /** Calls followed from the analysed class: it, the method it calls, and one more. */
    private static final int MAX_DEPTH = 3;
    /** Methods read per analysed class; past it a passed map is an escape, as before. */
    private static final int MAX_METHODS = 12;
    private static final String PARAMETER = "(parameter)";

    private final OtherClasses classes;
    private final Map<String, Effect> known = new HashMap<>();
    private int budget = MAX_METHODS;

    PassedMaps(OtherClasses classes) {
        this.classes = classes;
    }

    /** What {@code call} does with its argument {@code argument} (0 = the first after the receiver) of role {@code role}. */
    Effect of(MethodInsnNode call, int argument, Origin.Role role) {
        return of(call, argument, role, 1);
    }

    private Effect of(MethodInsnNode call, int argument, Origin.Role role, int depth) {
        String key = call.owner + "." + call.name + call.desc + "#" + argument + role;
        Effect effect = known.get(key);
        if (effect != null) {
            return effect;
        }
        known.put(key, Effect.ESCAPES); // a recursive call is an escape until it is known better
        effect = depth > MAX_DEPTH || budget <= 0 ? Effect.ESCAPES : summarise(call, argument, role, depth);
        known.put(key, effect);
        return effect;
    }

    private Effect summarise(MethodInsnNode call, int argument, Origin.Role role, int depth) {
        if (role != Origin.Role.VALUE && role != Origin.Role.VIEW && role != Origin.Role.ITERATOR
                && role != Origin.Role.ENTRY) {
            return Effect.ESCAPES;
        }
        ClassNode owner = classes.classOf(call.owner);
        MethodNode method = owner == null ? null : OtherClasses.bodyOf(owner, call.name, call.desc);
        if (method == null || !singleBody(call, owner, method)) {
            return Effect.ESCAPES;
        }
        budget--;
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        int local = isStatic ? 0 : 1;
        Type[] arguments = Type.getArgumentTypes(method.desc);
        for (int a = 0; a < argument; a++) {
            local += arguments[a].getSize();
        }
        int parameter = local;
        OriginInterpreter interpreter = new OriginInterpreter(owner.name, new LockResolver(Map.of()), Map.of(), Map.of()) {
            @Override
            public OriginValue newParameterValue(boolean isInstanceMethod, int slot, Type type) {
                return slot == parameter ? OriginValue.of(1, Origin.field(PARAMETER, PARAMETER).derived(role))
                        : super.newParameterValue(isInstanceMethod, slot, type);
            }
        };
        MethodFlow flow;
        try {
            flow = MethodFlow.analyze(owner.name, method, interpreter);
        } catch (AnalyzerException | RuntimeException e) {
            return Effect.ESCAPES;
        }
        Effect result = Effect.READS;
        for (int i = 0; i < flow.size() && result != Effect.ESCAPES; i++) {
            Frame<OriginValue> frame = flow.frames[i];
            if (frame != null) {
                result = worst(result, effectOf(flow.insn(i), frame, depth));
            }
        }
        return result;
    }

    private Effect effectOf(AbstractInsnNode insn, Frame<OriginValue> frame, int depth) {
        switch (insn.getOpcode()) {
            case Opcodes.PUTFIELD:
            case Opcodes.PUTSTATIC:
            case Opcodes.AASTORE:
            case Opcodes.ARETURN:
                return isParameter(LockFlow.top(frame, 0)) != null ? Effect.ESCAPES : Effect.READS;
            case Opcodes.INVOKEDYNAMIC: {
                int count = Type.getArgumentTypes(((InvokeDynamicInsnNode) insn).desc).length;
                for (int a = 0; a < count; a++) {
                    if (isParameter(LockFlow.top(frame, a)) != null) {
                        return Effect.ESCAPES;
                    }
                }
                return Effect.READS;
            }
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKEINTERFACE:
            case Opcodes.INVOKESPECIAL:
            case Opcodes.INVOKESTATIC:
                return callEffect((MethodInsnNode) insn, frame, depth);
            default:
                return Effect.READS;
        }
    }

    private Effect callEffect(MethodInsnNode call, Frame<OriginValue> frame, int depth) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        boolean jdk = MapTypes.isJdkOwner(call.owner);
        Effect result = Effect.READS;
        if (call.getOpcode() != Opcodes.INVOKESTATIC && !call.name.equals("<init>")) {
            Origin receiver = isParameter(LockFlow.top(frame, arguments.length));
            if (receiver != null) {
                if (!jdk) {
                    return Effect.ESCAPES; // a method of the map's own class: not followed
                }
                if (UseCollector.classify(call.name, receiver.role) == Access.WRITE) {
                    result = Effect.WRITES;
                }
            }
        }
        for (int a = 0; a < arguments.length; a++) {
            Origin passed = isParameter(LockFlow.top(frame, arguments.length - 1 - a));
            if (passed != null && !jdk) {
                result = worst(result, of(call, a, passed.role, depth + 1));
            }
        }
        return result;
    }

    /** The passed map (or what was derived from it) among a value's origins, or null. */
    private static Origin isParameter(OriginValue value) {
        for (Origin origin : value.origins) {
            if (origin.isField() && PARAMETER.equals(origin.owner)) {
                return origin;
            }
        }
        return null;
    }

    /** A call that can only run this body: no subclass of the program or outside it overrides it. */
    private static boolean singleBody(MethodInsnNode call, ClassNode owner, MethodNode method) {
        if (call.getOpcode() == Opcodes.INVOKESTATIC || call.getOpcode() == Opcodes.INVOKESPECIAL) {
            return true;
        }
        return (method.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0 || (owner.access & Opcodes.ACC_FINAL) != 0;
    }

    private static Effect worst(Effect a, Effect b) {
        return a.compareTo(b) >= 0 ? a : b;
    }


}

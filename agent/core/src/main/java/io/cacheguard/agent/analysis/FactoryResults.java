package io.cacheguard.agent.analysis;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * The maps a static factory of the program returns, read from its class file with the constant
 * arguments of the call: velocity's {@code MapFactory.create(512, 0.5f, 30, false)} takes the
 * branches that {@code concurrency > 1} decides and answers a {@code ConcurrentHashMap} built through a
 * constructor found by name ({@code Class.forName("java.util.concurrent.ConcurrentHashMap")
 * .getConstructor(...)}, kept in a static field of the factory), a synchronized map or a
 * {@code Hashtable}, never the {@code HashMap} of its other branch. A branch is pruned only when
 * constants decide it; a value the analysis cannot name makes the answer unknown. Bounded: two
 * calls deep, a few methods per analysed class.
 */
final class FactoryResults {
    private static final int MAX_DEPTH = 2;
    private static final int MAX_METHODS = 8;

    private final OtherClasses classes;
    private final Map<String, Set<String>> known = new HashMap<>();
    private int budget = MAX_METHODS;

    FactoryResults(OtherClasses classes) {
        this.classes = classes;
    }

    /**
     * The thread-safe maps (in words) that {@code call} can return, given the arguments in
     * {@code frame} (the frame at the call); null when it may return anything else, or is not followed.
     */
    Set<String> threadSafeResults(MethodInsnNode call, Frame<OriginValue> frame) {
        return results(call, frame, 1);
    }

    private Set<String> results(MethodInsnNode call, Frame<OriginValue> frame, int depth) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC || MapTypes.isJdkOwner(call.owner) || depth > MAX_DEPTH) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(call.desc);
        Integer[] constants = new Integer[arguments.length];
        StringBuilder key = new StringBuilder(call.owner).append('.').append(call.name).append(call.desc);
        for (int a = 0; a < arguments.length; a++) {
            constants[a] = intConstant(LockFlow.top(frame, arguments.length - 1 - a));
            key.append(',').append(constants[a]);
        }
        String cacheKey = key.toString();
        if (known.containsKey(cacheKey)) {
            return known.get(cacheKey);
        }
        known.put(cacheKey, null); // recursion: unknown
        Set<String> found = budget-- > 0 ? follow(call, constants, depth) : null;
        known.put(cacheKey, found);
        return found;
    }

    private Set<String> follow(MethodInsnNode call, Integer[] constants, int depth) {
        ClassNode owner = classes.classOf(call.owner);
        MethodNode method = owner == null ? null : OtherClasses.bodyOf(owner, call.name, call.desc);
        if (method == null) {
            return null;
        }
        try {
            MethodFlow flow = analyze(owner, method, constants);
            MethodNode pruned = prune(flow);
            if (pruned != null) {
                flow = analyze(owner, pruned, constants);
            }
            Set<String> results = new LinkedHashSet<>();
            for (int i = 0; i < flow.size(); i++) {
                if (flow.insn(i).getOpcode() == Opcodes.ARETURN && flow.frames[i] != null) {
                    for (Origin value : LockFlow.top(flow.frames[i], 0).origins) {
                        if (!addResult(results, value, flow, owner, depth)) {
                            return null;
                        }
                    }
                }
            }
            return results.isEmpty() ? null : results;
        } catch (AnalyzerException | RuntimeException e) {
            return null;
        }
    }

    /** Adds what one returned value is, when it is a thread-safe map; false when it may be anything else. */
    private boolean addResult(Set<String> results, Origin value, MethodFlow flow, ClassNode owner, int depth) {
        switch (value.kind) {
            case NULL:
                return true;
            case NEW:
                if (MapTypes.isJdkOwner(value.owner) && MapTypes.isThreadSafeAllocation(value.owner)) {
                    results.add(value.owner.replace('/', '.'));
                    return true;
                }
                return false;
            case CALL: {
                if (MapTypes.isThreadSafeFactory(value.owner, value.name) || value.threadSafeResult) {
                    results.add(LockResolver.simpleName(value.owner) + "." + value.name + "(...)");
                    return true;
                }
                if (!(value.insn instanceof MethodInsnNode)) {
                    return false;
                }
                Frame<OriginValue> frame = flow.frames[flow.method.instructions.indexOf(value.insn)];
                MethodInsnNode call = (MethodInsnNode) value.insn;
                if (call.owner.equals("java/lang/reflect/Constructor") && call.name.equals("newInstance")) {
                    String type = reflectedType(owner, LockFlow.top(frame, 1));
                    if (type != null && MapTypes.isThreadSafeAllocation(type)) {
                        results.add(type.replace('/', '.'));
                        return true;
                    }
                    return false;
                }
                Set<String> nested = frame == null ? null : results(call, frame, depth + 1);
                if (nested == null) {
                    return false;
                }
                results.addAll(nested);
                return true;
            }
            default:
                return false;
        }
    }

    /**
     * The class a constructor kept in a private static field of the factory builds, when the field
     * is set only in the static initialiser, from {@code Class.forName("...").getConstructor(...)};
     * else null.
     */
    private String reflectedType(ClassNode owner, OriginValue constructor) {
        if (constructor.origins.size() != 1) {
            return null;
        }
        Origin field = constructor.origins.iterator().next();
        if (!field.isField() || !field.owner.equals(owner.name) || !isPrivateStatic(owner, field.name)) {
            return null;
        }
        String type = null;
        for (MethodNode method : owner.methods) {
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() != Opcodes.PUTSTATIC || !((FieldInsnNode) insn).name.equals(field.name)
                        || !((FieldInsnNode) insn).owner.equals(owner.name)) {
                    continue;
                }
                String stored = method.name.equals("<clinit>") ? constructorClass(insn.getPrevious()) : null;
                if (stored == null || type != null && !type.equals(stored)) {
                    return null;
                }
                type = stored;
            }
        }
        return type;
    }

    /** {@code Class.forName("a.B")}, then {@code .getConstructor(...)} just before the store. */
    private static String constructorClass(AbstractInsnNode beforeStore) {
        AbstractInsnNode insn = real(beforeStore);
        if (!(insn instanceof MethodInsnNode) || !((MethodInsnNode) insn).owner.equals("java/lang/Class")
                || !((MethodInsnNode) insn).name.startsWith("get") || !((MethodInsnNode) insn).name.endsWith("Constructor")) {
            return null;
        }
        // skip the parameter-type array the call takes, back to the receiver
        for (AbstractInsnNode back = insn.getPrevious(); back != null; back = back.getPrevious()) {
            if (back instanceof MethodInsnNode && ((MethodInsnNode) back).owner.equals("java/lang/Class")
                    && ((MethodInsnNode) back).name.equals("forName")
                    && ((MethodInsnNode) back).desc.equals("(Ljava/lang/String;)Ljava/lang/Class;")) {
                AbstractInsnNode name = real(back.getPrevious());
                return name instanceof LdcInsnNode && ((LdcInsnNode) name).cst instanceof String
                        ? ((String) ((LdcInsnNode) name).cst).replace('.', '/') : null;
            }
            if (back instanceof JumpInsnNode || back.getOpcode() == Opcodes.PUTSTATIC) {
                return null;
            }
        }
        return null;
    }

    private static AbstractInsnNode real(AbstractInsnNode insn) {
        while (insn != null && insn.getOpcode() < 0) {
            insn = insn.getPrevious();
        }
        return insn;
    }

    private static boolean isPrivateStatic(ClassNode owner, String name) {
        return owner.fields.stream().anyMatch(f -> f.name.equals(name)
                && (f.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) == (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC));
    }

    private static MethodFlow analyze(ClassNode owner, MethodNode method, Integer[] constants) throws AnalyzerException {
        Map<Integer, Integer> byLocal = new HashMap<>();
        int local = 0;
        Type[] arguments = Type.getArgumentTypes(method.desc);
        for (int a = 0; a < arguments.length; a++) {
            if (constants[a] != null) {
                byLocal.put(local, constants[a]);
            }
            local += arguments[a].getSize();
        }
        OriginInterpreter interpreter = new OriginInterpreter(owner.name, new LockResolver(Map.of()), Map.of(), Map.of()) {
            @Override
            public OriginValue newParameterValue(boolean isInstanceMethod, int slot, Type type) {
                Integer constant = byLocal.get(slot);
                return constant != null ? OriginValue.of(1, Origin.intConstant(constant))
                        : super.newParameterValue(isInstanceMethod, slot, type);
            }
        };
        return MethodFlow.analyze(owner.name, method, interpreter);
    }

    /**
     * A copy of the method where every conditional jump that constants decide is replaced by its
     * outcome (the operands popped, then a jump or a fall-through), or null when none is decided.
     */
    private static MethodNode prune(MethodFlow flow) {
        Map<Integer, Boolean> decided = new HashMap<>();
        for (int i = 0; i < flow.size(); i++) {
            AbstractInsnNode insn = flow.insn(i);
            if (insn instanceof JumpInsnNode && flow.frames[i] != null) {
                Boolean taken = outcome(insn.getOpcode(), flow.frames[i]);
                if (taken != null) {
                    decided.put(i, taken);
                }
            }
        }
        if (decided.isEmpty()) {
            return null;
        }
        MethodNode copy = new MethodNode(flow.method.access, flow.method.name, flow.method.desc,
                flow.method.signature, null);
        flow.method.accept(copy);
        InsnList instructions = copy.instructions;
        if (instructions.size() != flow.size()) {
            return null;
        }
        Map<JumpInsnNode, Boolean> jumps = new HashMap<>();
        for (Map.Entry<Integer, Boolean> jump : decided.entrySet()) {
            AbstractInsnNode same = instructions.get(jump.getKey());
            if (!(same instanceof JumpInsnNode) || same.getOpcode() != flow.insn(jump.getKey()).getOpcode()) {
                return null;
            }
            jumps.put((JumpInsnNode) same, jump.getValue()); // found by index before any is replaced
        }
        for (Map.Entry<JumpInsnNode, Boolean> jump : jumps.entrySet()) {
            JumpInsnNode original = jump.getKey();
            int operands = original.getOpcode() >= Opcodes.IF_ICMPEQ ? 2 : 1;
            InsnList replacement = new InsnList();
            replacement.add(new InsnNode(operands == 2 ? Opcodes.POP2 : Opcodes.POP));
            if (jump.getValue()) {
                replacement.add(new JumpInsnNode(Opcodes.GOTO, original.label));
            }
            instructions.insert(original, replacement);
            instructions.remove(original);
        }
        return copy;
    }

    /** Whether a conditional jump on int constants is taken; null when its operands are not constants. */
    private static Boolean outcome(int opcode, Frame<OriginValue> frame) {
        if (opcode >= Opcodes.IFEQ && opcode <= Opcodes.IFLE) {
            Integer value = intConstant(LockFlow.top(frame, 0));
            return value == null ? null : compare(opcode - Opcodes.IFEQ, value, 0);
        }
        if (opcode >= Opcodes.IF_ICMPEQ && opcode <= Opcodes.IF_ICMPLE) {
            Integer left = intConstant(LockFlow.top(frame, 1));
            Integer right = intConstant(LockFlow.top(frame, 0));
            return left == null || right == null ? null : compare(opcode - Opcodes.IF_ICMPEQ, left, right);
        }
        return null;
    }

    /** EQ, NE, LT, GE, GT, LE in the order of the JVM's opcodes. */
    private static boolean compare(int condition, int left, int right) {
        switch (condition) {
            case 0:
                return left == right;
            case 1:
                return left != right;
            case 2:
                return left < right;
            case 3:
                return left >= right;
            case 4:
                return left > right;
            default:
                return left <= right;
        }
    }

    private static Integer intConstant(OriginValue value) {
        if (value.origins.size() != 1) {
            return null;
        }
        Origin origin = value.origins.iterator().next();
        return origin.kind == Origin.Kind.INT ? origin.number : null;
    }


}

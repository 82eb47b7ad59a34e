package io.cacheguard.agent.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Finds lazy initialisations: a store of a freshly allocated map into a field on a path where that
 * field was just found null ({@code if (map == null) map = new HashMap<>();}). Two threads can both
 * see null there and both install a map, and one thread's entries vanish with the map that loses;
 * the agent turns exactly these stores into a compare-and-set. A store that is not guarded by a
 * null check of the same field (a reset, {@code map = new HashMap<>()}) stays a plain store.
 *
 * <p>A forward must-analysis: a field is "known null" after the null branch of a test of its value,
 * until it is stored to; paths meet by intersection.
 */
final class LazyInitStores {
    private LazyInitStores() {
    }

    /**
     * The lazy stores of {@code field} in one method, each as {@code #n}: the ordinal of the store
     * among that method's stores to the field, which identifies it in any later read of the class.
     */
    static Set<Integer> find(MethodFlow flow, String owner, String field) {
        int size = flow.size();
        @SuppressWarnings("unchecked")
        Set<String>[] knownNull = new Set[size];
        Deque<Integer> work = new ArrayDeque<>();
        if (size == 0) {
            return Set.of();
        }
        knownNull[0] = Set.of();
        work.push(0);
        String key = owner + "." + field;
        while (!work.isEmpty()) {
            int index = work.pop();
            Frame<OriginValue> frame = flow.frames[index];
            if (frame == null) {
                continue;
            }
            AbstractInsnNode insn = flow.insn(index);
            Set<String> state = knownNull[index];
            Set<String> after = state;
            if (isStoreTo(insn, key)) {
                after = new HashSet<>(state);
                after.remove(key);
            }
            String tested = nullTestedField(insn, frame);
            int nullBranch = -1;
            if (tested != null) {
                int target = flow.method.instructions.indexOf(((JumpInsnNode) insn).label);
                nullBranch = insn.getOpcode() == Opcodes.IFNULL ? target : index + 1;
            }
            for (int successor : flow.normalSuccessors.get(index)) {
                Set<String> out = after;
                if (successor == nullBranch) {
                    out = new HashSet<>(after);
                    out.add(tested);
                }
                merge(knownNull, work, successor, out);
            }
            for (int handler : flow.exceptionSuccessors.get(index)) {
                merge(knownNull, work, handler, state);
            }
        }
        Set<Integer> lazy = new LinkedHashSet<>();
        int ordinal = 0;
        for (int i = 0; i < size; i++) {
            AbstractInsnNode insn = flow.insn(i);
            if (!isStoreTo(insn, key)) {
                continue;
            }
            if (knownNull[i] != null && knownNull[i].contains(key) && storesFreshValue(flow.frames[i])) {
                lazy.add(ordinal);
            }
            ordinal++;
        }
        return lazy;
    }

    private static void merge(Set<String>[] knownNull, Deque<Integer> work, int index, Set<String> incoming) {
        Set<String> current = knownNull[index];
        if (current == null) {
            knownNull[index] = incoming;
            work.push(index);
        } else if (!incoming.containsAll(current)) {
            Set<String> met = new HashSet<>(current);
            met.retainAll(incoming);
            knownNull[index] = met;
            work.push(index);
        }
    }

    static boolean isStoreTo(AbstractInsnNode insn, String key) {
        int opcode = insn.getOpcode();
        if (opcode != Opcodes.PUTFIELD && opcode != Opcodes.PUTSTATIC) {
            return false;
        }
        FieldInsnNode store = (FieldInsnNode) insn;
        return key.equals(store.owner + "." + store.name);
    }

    /** The field whose value an IFNULL/IFNONNULL tests, when that value can only come from one field. */
    private static String nullTestedField(AbstractInsnNode insn, Frame<OriginValue> frame) {
        int opcode = insn.getOpcode();
        if (opcode != Opcodes.IFNULL && opcode != Opcodes.IFNONNULL) {
            return null;
        }
        OriginValue tested = LockFlow.top(frame, 0);
        if (tested.origins.size() != 1) {
            return null;
        }
        Origin origin = tested.origins.iterator().next();
        return origin.isField() && origin.role == Origin.Role.VALUE ? origin.owner + "." + origin.name : null;
    }

    private static boolean storesFreshValue(Frame<OriginValue> frame) {
        if (frame == null) {
            return false;
        }
        OriginValue value = LockFlow.top(frame, 0);
        return !value.origins.isEmpty() && value.origins.stream().allMatch(o -> o.kind == Origin.Kind.NEW);
    }
}

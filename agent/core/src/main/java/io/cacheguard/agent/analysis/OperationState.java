package io.cacheguard.agent.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Evidence that a class keeps the state of one running operation in its own fields, so that its
 * instances serve one operation at a time: a field saved into a local, overwritten, and restored
 * from the local ({@code ClassNode old = currentClass; currentClass = node; ...; currentClass = old}),
 * or a stack field the class both pushes and pops ({@code templateNameStack}). Such a field is a
 * call stack kept in the object; two threads running operations on one instance would corrupt it
 * whatever happens to the object's maps. With no synchronization anywhere in the class (no monitor,
 * no synchronized method, no volatile field, nothing of {@code java.util.concurrent}), the class is
 * written for one thread at a time (a visitor, a parser's rule set, a render context), and its
 * instance maps are confined with it: patching them would fix nothing and report a race that is
 * not one.
 *
 * <p>Found by instruction patterns, not by a value-flow analysis, and looked for only when an
 * instance map would otherwise be patched.
 */
final class OperationState {
    private static final Set<String> STACK_TYPES = Set.of("java/util/Stack", "java/util/Deque",
            "java/util/ArrayDeque", "java/util/LinkedList");

    /** The field, the method and line where the class shows it, in words. */
    record Evidence(String field, String method, int line, String how) {
        /** The evidence with its line as the class's source map places it: none when in another file. */
        Evidence inOwnFile(SourceLines lines) {
            return line <= 0 ? this : new Evidence(field, method, lines.locate(line).ownLine(), how);
        }

        /** {@code saves, overwrites and restores currentClass in visitClass(ClassNode) at line 212}. */
        String describe() {
            return how + " " + field + " in " + method + (line > 0 ? " at line " + line : "");
        }
    }

    private OperationState() {
    }

    /**
     * The first such field {@code owner} shows, or null: none, or one of {@code analysedWith} (the
     * owner, its nest, the other classes that use its maps) synchronizes somewhere.
     */
    static Evidence of(ClassNode owner, List<ClassNode> analysedWith) {
        for (ClassNode node : analysedWith) {
            if (synchronizes(node)) {
                return null;
            }
        }
        Evidence found = stackField(owner);
        for (MethodNode method : owner.methods) {
            if (found == null && (method.access & Opcodes.ACC_STATIC) == 0 && !method.name.startsWith("<")) {
                found = savedAndRestored(owner, method);
            }
        }
        return found == null ? null : found.inOwnFile(SourceLines.of(owner));
    }

    /** Any sign that the class was written for threads: a monitor, a volatile field, java.util.concurrent. */
    private static boolean synchronizes(ClassNode owner) {
        for (FieldNode field : owner.fields) {
            if ((field.access & Opcodes.ACC_VOLATILE) != 0 || field.desc.startsWith("Ljava/util/concurrent/")) {
                return true;
            }
        }
        for (MethodNode method : owner.methods) {
            if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                return true;
            }
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() == Opcodes.MONITORENTER) {
                    return true;
                }
                if (insn instanceof MethodInsnNode call && (call.owner.startsWith("java/util/concurrent/")
                        || call.owner.equals("java/util/Collections") && call.name.startsWith("synchronized"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code aload_0; getfield F; xstore n}, then a store to F, then {@code aload_0; xload n; putfield F}
     * in one method: javac's and kotlinc's code for saving and restoring a field around work.
     */
    private static Evidence savedAndRestored(ClassNode owner, MethodNode method) {
        Map<Integer, String> savedIn = new HashMap<>();
        Set<String> overwritten = new HashSet<>();
        AbstractInsnNode savingStore = null;
        int line = -1;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
                continue;
            }
            if (insn instanceof VarInsnNode store && isStore(store.getOpcode())) {
                if (insn != savingStore) {
                    savedIn.remove(store.var); // the slot now holds something else
                }
                continue;
            }
            if (!(insn instanceof FieldInsnNode access) || !access.owner.equals(owner.name)) {
                continue;
            }
            AbstractInsnNode before = previous(insn);
            if (access.getOpcode() == Opcodes.GETFIELD && isThis(before)
                    && next(insn) instanceof VarInsnNode store && isStore(store.getOpcode())) {
                savedIn.put(store.var, access.name);
                savingStore = store;
            } else if (access.getOpcode() == Opcodes.PUTFIELD) {
                boolean restore = before instanceof VarInsnNode load && isLoad(load.getOpcode())
                        && access.name.equals(savedIn.get(load.var)) && isThis(previous(before));
                if (restore && overwritten.contains(access.name)) {
                    return new Evidence(access.name, MethodNames.describe(owner.name, method.name, method.desc), line,
                            "saves, overwrites and restores");
                }
                if (!restore) {
                    overwritten.add(access.name);
                }
            }
        }
        return null;
    }

    /** An instance field of a stack type on which the class calls both push and pop. */
    private static Evidence stackField(ClassNode owner) {
        Set<String> stacks = new HashSet<>();
        for (FieldNode field : owner.fields) {
            if ((field.access & Opcodes.ACC_STATIC) == 0 && field.desc.length() > 2
                    && STACK_TYPES.contains(field.desc.substring(1, field.desc.length() - 1))) {
                stacks.add(field.name);
            }
        }
        if (stacks.isEmpty()) {
            return null;
        }
        Map<String, Evidence> pushed = new HashMap<>();
        Set<String> popped = new HashSet<>();
        for (MethodNode method : owner.methods) {
            int line = -1;
            for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn instanceof LineNumberNode number) {
                    line = number.line;
                } else if (insn instanceof MethodInsnNode call && STACK_TYPES.contains(call.owner)) {
                    String field = receiverField(owner, call);
                    if (field == null || !stacks.contains(field)) {
                        continue;
                    }
                    if (call.name.equals("push")) {
                        pushed.putIfAbsent(field, new Evidence(field, MethodNames.describe(owner.name, method.name, method.desc),
                                line, "pushes and pops"));
                    } else if (call.name.equals("pop")) {
                        popped.add(field);
                    }
                }
            }
        }
        for (Map.Entry<String, Evidence> entry : pushed.entrySet()) {
            if (popped.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The own field a push or pop is called on, when the receiver is loaded just before its one
     * argument (or none): {@code aload_0; getfield F; <one load>; invoke push}.
     */
    private static String receiverField(ClassNode owner, MethodInsnNode call) {
        AbstractInsnNode receiver = previous(call);
        if (call.name.equals("push")) {
            receiver = receiver == null ? null : previous(receiver);
        }
        return receiver instanceof FieldInsnNode field && field.getOpcode() == Opcodes.GETFIELD
                && field.owner.equals(owner.name) && isThis(previous(field)) ? field.name : null;
    }

    private static boolean isThis(AbstractInsnNode insn) {
        return insn instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD && load.var == 0;
    }

    private static boolean isStore(int opcode) {
        return opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    private static boolean isLoad(int opcode) {
        return opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD;
    }

    /** The instruction before, skipping labels, line numbers and frames. */
    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode before = insn.getPrevious();
        while (before != null && before.getOpcode() < 0) {
            before = before.getPrevious();
        }
        return before;
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode after = insn.getNext();
        while (after != null && after.getOpcode() < 0) {
            after = after.getNext();
        }
        return after;
    }
}

package io.cacheguard.agent.analysis;

import java.util.ArrayDeque;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Which locks are certainly held before each instruction: a forward must-analysis over the
 * control-flow graph. A linear scan gets this wrong: javac copies {@code monitorexit} onto exception
 * and early-return paths, {@code if (lock.tryLock())} holds the lock on one branch only, and a
 * conditional {@code lock()} guards nothing after the branches meet. Exception edges carry the
 * state from before the throwing instruction, since it did not complete.
 */
final class LockFlow {
    private LockFlow() {
    }

    /** The lock set before each instruction, null where the instruction is unreachable. */
    static LockSet[] compute(MethodFlow flow, LockSet entry, LockResolver locks) {
        int size = flow.size();
        LockSet[] before = new LockSet[size];
        if (size == 0) {
            return before;
        }
        Deque<Integer> work = new ArrayDeque<>();
        before[0] = entry;
        work.push(0);
        while (!work.isEmpty()) {
            int index = work.pop();
            Frame<OriginValue> frame = flow.frames[index];
            if (frame == null) {
                continue;
            }
            LockSet state = before[index];
            AbstractInsnNode insn = flow.insn(index);
            LockSet after = transfer(state, insn, frame, locks);
            for (int successor : flow.normalSuccessors.get(index)) {
                merge(before, work, successor, onEdge(after, insn, frame, index, successor, flow));
            }
            for (int handler : flow.exceptionSuccessors.get(index)) {
                merge(before, work, handler, state);
            }
        }
        return before;
    }

    private static void merge(LockSet[] before, Deque<Integer> work, int index, LockSet incoming) {
        LockSet current = before[index];
        LockSet merged = current == null ? incoming : current.meet(incoming);
        if (current == null || !merged.equals(current)) {
            before[index] = merged;
            work.push(index);
        }
    }

    private static LockSet transfer(LockSet state, AbstractInsnNode insn, Frame<OriginValue> frame, LockResolver locks) {
        switch (insn.getOpcode()) {
            case Opcodes.MONITORENTER:
                return state.plus(locks.monitorOf(top(frame, 0)));
            case Opcodes.MONITOREXIT:
                return state.minus(locks.monitorOf(top(frame, 0)));
            case Opcodes.INVOKEVIRTUAL:
            case Opcodes.INVOKEINTERFACE:
                return lockCall(state, (MethodInsnNode) insn, frame, locks);
            default:
                return state;
        }
    }

    private static LockSet lockCall(LockSet state, MethodInsnNode call, Frame<OriginValue> frame, LockResolver locks) {
        boolean acquire = locks.isAcquire(call) || locks.isStampedAcquire(call);
        boolean release = locks.isRelease(call) || locks.isStampedRelease(call);
        if (!acquire && !release) {
            return state;
        }
        OriginValue receiver = top(frame, Type.getArgumentTypes(call.desc).length);
        LockId lock = locks.lockOf(receiver, call);
        if (lock == null) {
            return state;
        }
        if (acquire) {
            return state.plus(lock);
        }
        if (call.name.equals("unlock") && call.desc.equals("(J)V")) {
            // StampedLock.unlock(stamp) releases whichever mode the stamp holds
            LockSet released = state.minus(lock.withMode(LockId.Mode.WRITE));
            return released != state ? released : state.minus(lock.withMode(LockId.Mode.READ));
        }
        return state.minus(lock);
    }

    /** On the branch where {@code tryLock()} answered true, its lock is held. */
    private static LockSet onEdge(LockSet after, AbstractInsnNode insn, Frame<OriginValue> frame, int index,
                                  int successor, MethodFlow flow) {
        int opcode = insn.getOpcode();
        if (opcode != Opcodes.IFEQ && opcode != Opcodes.IFNE) {
            return after;
        }
        LockId acquired = tryLockResult(top(frame, 0));
        if (acquired == null) {
            return after;
        }
        int target = flow.method.instructions.indexOf(((JumpInsnNode) insn).label);
        if (target == index + 1) {
            return after; // both ways lead to the same place: nothing is known
        }
        boolean jumpMeansSuccess = opcode == Opcodes.IFNE;
        boolean isJump = successor == target;
        return isJump == jumpMeansSuccess ? after.plus(acquired) : after;
    }

    private static LockId tryLockResult(OriginValue value) {
        if (value.origins.size() != 1) {
            return null;
        }
        Origin origin = value.origins.iterator().next();
        return origin.kind == Origin.Kind.TRY_LOCK ? origin.lock : null;
    }

    /** The value {@code depth} entries below the top of the operand stack. */
    static OriginValue top(Frame<OriginValue> frame, int depth) {
        return frame.getStack(frame.getStackSize() - 1 - depth);
    }
}

package io.cacheguard.agent.transform;

import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Follows one method's instructions to recognise a fresh map stored through a local variable:
 * <pre>
 * m = new HashMap&lt;&gt;();     NEW, DUP, INVOKESPECIAL &lt;init&gt;, ASTORE m
 * cache = m;                  [ALOAD 0], ALOAD m, PUTFIELD cache
 * m.put(k, v);                the local still holds the raw map
 * </pre>
 * (or {@code cache = m = new HashMap<>()}: NEW, DUP, INVOKESPECIAL, DUP, ASTORE m, PUTFIELD; the
 * constructor may take arguments, {@code new HashMap<>(cache)}, computed by any straight code). The
 * store puts the map's guarded twin in the field, and without help the local would go on with the
 * raw map: a guarded {@code HashMap} is a copy, so the entry put through the local would be lost,
 * and in mode detect the put would go unseen. For this shape the local is known to hold exactly the
 * JDK map type the code created, and so can safely take the twin too.
 *
 * <p>Any other instruction, or a frame (a branch target: other paths may join with other values),
 * forgets what it saw; line-number labels do not.
 */
final class FreshMapLocal {
    /** The map types whose twins are instances of the same type: a cast back to it always holds. */
    private static final Set<String> TYPES = Set.of("java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/WeakHashMap");

    private enum State { NONE, NEW, DUP, CONSTRUCTED, DUP_AFTER_CONSTRUCTED, IN_LOCAL, THIS_LOADED, LOADED }

    private State state = State.NONE;
    private String type;
    private int local = -1;
    /** Objects created while the constructor's arguments are computed, not yet constructed. */
    private int nested;
    /** Whether a DUP left the fresh map on the stack as it went into the local (the chained form). */
    private boolean dupStored;

    /** The local that still holds the fresh map the store being visited stores, or -1 for any other store. */
    int aliasOfStore() {
        return state == State.LOADED || state == State.IN_LOCAL && dupStored ? local : -1;
    }

    /** The map type the code created. */
    String type() {
        return type;
    }


    void typeInsn(int opcode, String operand) {
        if (state == State.DUP) { // inside the constructor's arguments
            nested += opcode == Opcodes.NEW ? 1 : 0;
        } else if (opcode == Opcodes.NEW && TYPES.contains(operand)) {
            state = State.NEW;
            type = operand;
            dupStored = false;
            nested = 0;
        } else {
            reset();
        }
    }

    void insn(int opcode) {
        if (opcode == Opcodes.DUP && state == State.NEW) {
            state = State.DUP;
        } else if (opcode == Opcodes.DUP && state == State.CONSTRUCTED) {
            state = State.DUP_AFTER_CONSTRUCTED;
        } else if (state != State.DUP || opcode == Opcodes.ATHROW || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            reset();
        }
    }

    void methodInsn(int opcode, String owner, String name) {
        if (state != State.DUP) {
            reset();
        } else if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (nested > 0) {
                nested--; // an argument's own construction
            } else if (owner.equals(type)) {
                state = State.CONSTRUCTED;
            } else {
                reset();
            }
        }
    }

    /** Inside the constructor's arguments any straight instruction may run; elsewhere it ends the shape. */
    void otherInsn() {
        if (state != State.DUP) {
            reset();
        }
    }

    void varInsn(int opcode, int var) {
        if (state == State.DUP) {
            return; // loading or storing an argument
        }
        if (opcode == Opcodes.ASTORE && (state == State.CONSTRUCTED || state == State.DUP_AFTER_CONSTRUCTED)) {
            dupStored = state == State.DUP_AFTER_CONSTRUCTED; // the raw map is also still on the stack
            state = State.IN_LOCAL;
            local = var;
        } else if (opcode == Opcodes.ALOAD && var == 0 && state == State.IN_LOCAL && !dupStored) {
            state = State.THIS_LOADED;
        } else if (opcode == Opcodes.ALOAD && var == local && (state == State.IN_LOCAL && !dupStored
                || state == State.THIS_LOADED)) {
            state = State.LOADED;
        } else {
            reset();
        }
    }

    /** Any other instruction or a frame. */
    void reset() {
        state = State.NONE;
        dupStored = false;
    }
}

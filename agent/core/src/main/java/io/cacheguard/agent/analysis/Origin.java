package io.cacheguard.agent.analysis;

import java.util.Objects;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Where a value on the operand stack or in a local came from, as far as the analysis cares: a
 * field (and what was derived from it: a view, an iterator, an entry, a lock), {@code this}, a
 * parameter, a constant, an allocation, a call result or a lambda.
 */
final class Origin {
    enum Kind { FIELD, THIS, PARAMETER, NULL, INT, CLASS_CONSTANT, NEW, CALL, LAMBDA, TRY_LOCK, STAMP }

    /** What a value derived from a field is. */
    enum Role {
        VALUE, VIEW, ITERATOR, ENTRY, READ_LOCK, WRITE_LOCK,
        /**
         * An unmodifiable view ({@code Collections.unmodifiableMap(field)}, or of its key or entry
         * set) and what is derived from it: whoever holds it can only read the map.
         */
        READ_ONLY_VIEW
    }

    final Kind kind;
    /** Field or method owner, allocated type, or class constant. */
    final String owner;
    /** Field or method name; for a lambda, the implementation method's name + descriptor. */
    final String name;
    final Role role;
    /** INT: the constant; PARAMETER: the local index. */
    final int number;
    /** NEW: the allocation, used to find its constructor call; CALL: the call, to read its arguments. */
    final AbstractInsnNode insn;
    /** TRY_LOCK/STAMP: the lock acquired when it succeeds. */
    final LockId lock;
    /**
     * CALL: the method is declared to return a thread-safe map type ({@code ConcurrentMap}, ...),
     * so whatever it returns is one, whoever built it (a builder's {@code build()}).
     */
    final boolean threadSafeResult;

    private Origin(Kind kind, String owner, String name, Role role, int number, AbstractInsnNode insn, LockId lock) {
        this(kind, owner, name, role, number, insn, lock, false);
    }

    private Origin(Kind kind, String owner, String name, Role role, int number, AbstractInsnNode insn, LockId lock,
                   boolean threadSafeResult) {
        this.kind = kind;
        this.owner = owner;
        this.name = name;
        this.role = role;
        this.number = number;
        this.insn = insn;
        this.lock = lock;
        this.threadSafeResult = threadSafeResult;
    }

    static Origin field(String owner, String name) {
        return new Origin(Kind.FIELD, owner, name, Role.VALUE, 0, null, null);
    }

    Origin derived(Role newRole) {
        return new Origin(kind, owner, name, newRole, number, insn, lock, threadSafeResult);
    }

    /** {@code this} of an instance of {@code owner} (also reached as an inner class's {@code this$0}). */
    static Origin self(String owner) {
        return new Origin(Kind.THIS, owner, null, Role.VALUE, 0, null, null);
    }

    static Origin parameter(int local) {
        return new Origin(Kind.PARAMETER, null, null, Role.VALUE, local, null, null);
    }

    static Origin nullConstant() {
        return new Origin(Kind.NULL, null, null, Role.VALUE, 0, null, null);
    }

    static Origin intConstant(int value) {
        return new Origin(Kind.INT, null, null, Role.VALUE, value, null, null);
    }

    static Origin classConstant(String internalName) {
        return new Origin(Kind.CLASS_CONSTANT, internalName, null, Role.VALUE, 0, null, null);
    }

    static Origin allocation(String type, AbstractInsnNode insn) {
        return new Origin(Kind.NEW, type, null, Role.VALUE, 0, insn, null);
    }

    /**
     * @param threadSafeResult whether the method is declared to return a thread-safe map type
     * @param insn             the call, so that its arguments can be read from the frame there
     */
    static Origin call(String owner, String name, boolean threadSafeResult, AbstractInsnNode insn) {
        return new Origin(Kind.CALL, owner, name, Role.VALUE, 0, insn, null, threadSafeResult);
    }

    static Origin lambda(String owner, String nameAndDescriptor) {
        return new Origin(Kind.LAMBDA, owner, nameAndDescriptor, Role.VALUE, 0, null, null);
    }

    static Origin tryLock(LockId lock) {
        return new Origin(Kind.TRY_LOCK, null, null, Role.VALUE, 0, null, lock);
    }

    static Origin stamp(LockId lock) {
        return new Origin(Kind.STAMP, null, null, Role.VALUE, 0, null, lock);
    }

    boolean isField() {
        return kind == Kind.FIELD;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Origin)) {
            return false;
        }
        Origin other = (Origin) o;
        return kind == other.kind && number == other.number && role == other.role && insn == other.insn
                && Objects.equals(owner, other.owner) && Objects.equals(name, other.name)
                && Objects.equals(lock, other.lock) && threadSafeResult == other.threadSafeResult;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, owner, name, role, number);
    }

    @Override
    public String toString() {
        return kind + (owner != null ? " " + owner : "") + (name != null ? "." + name : "") + " " + role;
    }
}

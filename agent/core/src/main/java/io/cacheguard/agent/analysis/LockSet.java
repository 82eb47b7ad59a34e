package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The locks certainly held at a program point, as a multiset (monitors and reentrant locks can be
 * held more than once). Immutable; the join of two paths is their intersection, because a lock
 * guards an access only if it is held on every path that reaches it.
 */
final class LockSet {
    static final LockSet EMPTY = new LockSet(List.of());

    private final List<LockId> held;

    private LockSet(List<LockId> held) {
        this.held = held;
    }

    LockSet plus(LockId lock) {
        List<LockId> next = new ArrayList<>(held);
        next.add(lock);
        return new LockSet(Collections.unmodifiableList(next));
    }

    LockSet minus(LockId lock) {
        int index = held.indexOf(lock);
        if (index < 0) {
            return this;
        }
        List<LockId> next = new ArrayList<>(held);
        next.remove(index);
        return new LockSet(Collections.unmodifiableList(next));
    }

    LockSet meet(LockSet other) {
        List<LockId> remaining = new ArrayList<>(other.held);
        List<LockId> common = new ArrayList<>();
        for (LockId lock : held) {
            if (remaining.remove(lock)) {
                common.add(lock);
            }
        }
        return common.size() == held.size() ? this : new LockSet(Collections.unmodifiableList(common));
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    List<LockId> locks() {
        return held;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LockSet)) {
            return false;
        }
        List<LockId> a = new ArrayList<>(held);
        List<LockId> b = new ArrayList<>(((LockSet) o).held);
        if (a.size() != b.size()) {
            return false;
        }
        for (LockId lock : a) {
            if (!b.remove(lock)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return held.stream().mapToInt(LockId::hashCode).sum();
    }

    /** In words: {@code no lock}, or the locks joined by "and". */
    String describe() {
        if (held.isEmpty()) {
            return "no lock";
        }
        return held.stream().distinct().map(LockId::describe).collect(Collectors.joining(" and "));
    }

    @Override
    public String toString() {
        return describe();
    }
}

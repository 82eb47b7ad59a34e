package io.cacheguard.agent.analysis;

import java.util.Objects;

/** What holds when a method starts: the locks its callers hold, and whether it runs during initialisation. */
final class MethodContext {
    static final MethodContext UNGUARDED = new MethodContext(LockSet.EMPTY, false);

    final LockSet locks;
    final boolean duringInit;

    MethodContext(LockSet locks, boolean duringInit) {
        this.locks = locks;
        this.duringInit = duringInit;
    }

    MethodContext meet(MethodContext other) {
        return new MethodContext(locks.meet(other.locks), duringInit && other.duringInit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodContext && ((MethodContext) o).duringInit == duringInit
                && ((MethodContext) o).locks.equals(locks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(locks, duringInit);
    }
}

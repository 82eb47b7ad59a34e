package io.cacheguard.agent.analysis;

import java.util.List;

/** One instruction that touches a map field's value, with the locks held there. */
final class FieldUse {
    final String field;
    final Access access;
    /** What the instruction does in words: {@code put}, {@code iterator remove}, {@code returned}. */
    final String operation;
    final String method;
    /** Where the instruction is in the source (for Kotlin's inlined code, through its source map). */
    final SourceLines.Site where;
    final LockSet locks;
    /** Runs while the object or class is being initialised, before it can be shared. */
    final boolean duringInit;
    /**
     * ASSIGN: the stored map may already hold entries (a copy, a map filled before the store, a
     * parameter): a reader that sees the new reference without a happens-before edge may not see
     * them. False for {@code null} and a new empty map, which publish no entries.
     */
    final boolean publishesEntries;

    FieldUse(String field, Access access, String operation, String method, SourceLines.Site where, LockSet locks,
             boolean duringInit) {
        this(field, access, operation, method, where, locks, duringInit, false);
    }

    /** For a use in a helper that runs with its callers' locks: the calls to the helper; else empty. */
    final List<CallSite> callers;

    FieldUse(String field, Access access, String operation, String method, SourceLines.Site where, LockSet locks,
             boolean duringInit, boolean publishesEntries) {
        this(field, access, operation, method, where, locks, duringInit, publishesEntries, List.of());
    }

    private FieldUse(String field, Access access, String operation, String method, SourceLines.Site where,
                     LockSet locks, boolean duringInit, boolean publishesEntries, List<CallSite> callers) {
        this.callers = callers;
        this.publishesEntries = publishesEntries;
        this.field = field;
        this.access = access;
        this.operation = operation;
        this.method = method;
        this.where = where;
        this.locks = locks;
        this.duringInit = duringInit;
    }

    /** This use, in a helper called from {@code sites}. */
    FieldUse calledFrom(List<CallSite> sites) {
        return new FieldUse(field, access, operation, method, where, locks, duringInit, publishesEntries,
                List.copyOf(sites));
    }

    /**
     * Where this use really loses {@code guard} (a guard key; null for any lock): the first call to its
     * helper that holds no lock (or not {@code guard}), as {@code  when called from get(String) at
     * Cache.java:30, which holds no lock}; empty when the use is not in such a helper.
     */
    String failingCaller(java.util.function.Predicate<LockSet> holdsGuard) {
        for (CallSite site : callers) {
            if (!holdsGuard.test(site.locks)) {
                return " when called from " + site.describe() + ", which holds " + site.locks.describe();
            }
        }
        return "";
    }

    /**
     * {@code put at ExpiringCache.java:57 in get(String)}; for code kotlinc inlined from another file,
     * {@code put at Registry.kt:7 (inlined from Maps.kt:384) in lookup(String)}.
     */
    String site() {
        StringBuilder site = new StringBuilder(operation);
        if (where.line > 0) {
            site.append(" at ").append(where.file == null ? "?" : where.file).append(':').append(where.line);
        }
        if (where.inlinedFrom != null) {
            site.append(" (inlined from ").append(where.inlinedFrom).append(')');
        }
        return site.append(" in ").append(method).toString();
    }

    /** {@code :63}, or the whole site when the line is unknown or in another file. */
    String shortSite() {
        return where.ownLine() > 0 ? ":" + where.line : site();
    }

    /** The reason's line is one of the class's own source file, or none. */
    Reason reason(String message) {
        return new Reason(method, where.ownLine(), access, locks.isEmpty() ? null : locks.describe(), message);
    }

    @Override
    public String toString() {
        return site() + " holds " + locks.describe();
    }
}

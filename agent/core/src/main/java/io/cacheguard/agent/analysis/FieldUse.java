package io.cacheguard.agent.analysis;

/** One instruction that touches a map field's value, with the locks held there. */
final class FieldUse {
    final String field;
    final Access access;
    /** What the instruction does in words: {@code put}, {@code iterator remove}, {@code returned}. */
    final String operation;
    final String method;
    final String sourceFile;
    final int line;
    final LockSet locks;
    /** Runs while the object or class is being initialised, before it can be shared. */
    final boolean duringInit;

    FieldUse(String field, Access access, String operation, String method, String sourceFile, int line, LockSet locks,
             boolean duringInit) {
        this.field = field;
        this.access = access;
        this.operation = operation;
        this.method = method;
        this.sourceFile = sourceFile;
        this.line = line;
        this.locks = locks;
        this.duringInit = duringInit;
    }

    /** {@code put at ExpiringCache.java:57 in get(String)}. */
    String site() {
        StringBuilder site = new StringBuilder(operation);
        if (line > 0) {
            site.append(" at ").append(sourceFile == null ? "?" : sourceFile).append(':').append(line);
        }
        return site.append(" in ").append(method).toString();
    }

    /** {@code :63}, or the whole site when the line is unknown. */
    String shortSite() {
        return line > 0 ? ":" + line : site();
    }

    Reason reason(String message) {
        return new Reason(method, line, access, locks.isEmpty() ? null : locks.describe(), message);
    }

    @Override
    public String toString() {
        return site() + " holds " + locks.describe();
    }
}

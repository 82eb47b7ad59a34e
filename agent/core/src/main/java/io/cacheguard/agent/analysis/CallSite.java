package io.cacheguard.agent.analysis;

/**
 * A call to a helper whose lock context comes from its callers: where it is and what it holds, so
 * that a reason can name the caller whose lock set really fails rather than only the helper.
 */
final class CallSite {
    final String method;
    final SourceLines.Site where;
    final LockSet locks;

    CallSite(String method, SourceLines.Site where, LockSet locks) {
        this.method = method;
        this.where = where;
        this.locks = locks;
    }

    /** {@code get(String) at Cache.java:30}, or {@code get(String)} when the line is unknown. */
    String describe() {
        return where.line > 0 ? method + " at " + (where.file == null ? "?" : where.file) + ":" + where.line : method;
    }
}

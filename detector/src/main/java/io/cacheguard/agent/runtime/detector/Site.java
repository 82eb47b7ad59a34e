package io.cacheguard.agent.runtime.detector;

import java.util.Arrays;

/** One access as a report shows it: which thread, which operation, from where. Immutable. */
public final class Site {
    private final String threadName;
    private final long threadId;
    private final String operation;
    private final StackTraceElement[] stack;

    public Site(String threadName, long threadId, String operation, StackTraceElement[] stack) {
        this.threadName = threadName;
        this.threadId = threadId;
        this.operation = operation;
        this.stack = stack.clone();
    }

    public String threadName() {
        return threadName;
    }

    public long threadId() {
        return threadId;
    }

    public String operation() {
        return operation;
    }

    public StackTraceElement[] stack() {
        return stack.clone();
    }

    /** The innermost frame, or null when no stack was captured. */
    public StackTraceElement top() {
        return stack.length == 0 ? null : stack[0];
    }

    @Override
    public String toString() {
        return operation + " in " + threadName + " (" + threadId + ")" + (stack.length == 0 ? "" : " at " + stack[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site && ((Site) o).operation.equals(operation) && Arrays.equals(((Site) o).stack, stack);
    }

    @Override
    public int hashCode() {
        return operation.hashCode() * 31 + Arrays.hashCode(stack);
    }
}

package io.cacheguard.agent.runtime.detector;

/**
 * One kind of access ({@code put}, {@code get}, ...) and how to capture where it happens. The
 * detector captures a {@link Site} only when it must: to report a race, or to remember an access
 * whose thread or operation differs from the one it remembers for the map. A thread's repeated
 * accesses of one kind to one map reuse the site of the first of them until another thread (or
 * another operation) takes its place, so that a map used under a lock, where every access starts a
 * new epoch, does not pay a stack walk per access.
 */
public interface SiteCapture {
    /** The operation, as reports name it. */
    String operation();

    /** Where the current thread is now: thread, operation and stack. */
    Site capture();
}

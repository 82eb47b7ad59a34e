package io.cacheguard.agent.runtime;

/**
 * The time source of bounded maps, in nanoseconds. Tests substitute a settable one so that expiry
 * is decided by the test, never by the scheduler.
 */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long read();
}

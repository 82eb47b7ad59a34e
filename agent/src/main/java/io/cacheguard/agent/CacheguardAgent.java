package io.cacheguard.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. Start-up ({@code -javaagent}) and attach share one path, so that
 * whatever one does the other does too.
 *
 * <p>Nothing here may throw into the host: a failure is logged on stderr and the application runs
 * as if the agent were absent.
 */
public final class CacheguardAgent {
    private CacheguardAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            // Finding and patching caches arrive with the analysis and the transformer; until then
            // the agent announces itself and leaves every class untouched.
            System.err.println("[cacheguard] " + CacheguardVersion.get()
                    + (attached ? " attached" : " started") + "; this build instruments no classes yet");
        } catch (Throwable t) {
            // the host must never see an exception of ours
        }
    }
}

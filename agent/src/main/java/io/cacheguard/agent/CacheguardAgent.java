package io.cacheguard.agent;

import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. Start-up ({@code -javaagent}) and attach share one path.
 *
 * <p>This class must not mention any type of {@code io.cacheguard.runtime}, not even in a
 * signature: verifying it could load such a type through the application loader before the runtime
 * is on the bootstrap path, leaving two copies with separate state. {@link AgentStartup} does the
 * rest once the runtime jar is in place.
 */
public final class CacheguardAgent {
    private static volatile boolean started;

    private CacheguardAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            if (started) {
                System.err.println("[cacheguard] already running in this JVM; ignoring the second start");
                return;
            }
            started = true;
            String runtime;
            try {
                runtime = BootstrapRuntime.install(instrumentation);
            } catch (Exception e) {
                System.err.println("[cacheguard] error: cannot put the runtime on the boot class path (" + e
                        + "); the agent is disabled and the application runs without it");
                return;
            }
            AgentStartup.start(arguments, instrumentation, attached, runtime);
        } catch (Throwable t) {
            // the host must never see an exception of ours
            System.err.println("[cacheguard] error: the agent failed to start (" + t + ") and is disabled");
        }
    }
}

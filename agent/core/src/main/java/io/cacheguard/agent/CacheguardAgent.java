package io.cacheguard.agent;

import io.cacheguard.agent.AttachProtocol.Outcome;
import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.Mode;
import io.cacheguard.agent.config.OptionException;
import io.cacheguard.agent.config.OptionsParser;
import io.cacheguard.agent.report.AgentLog;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry points. Start-up ({@code -javaagent}) and attach share one path; an attach
 * additionally retransforms what is already loaded, and a second attach to the same JVM goes to
 * the running agent instead of starting another.
 *
 * <p>This class must not mention any type of {@code io.cacheguard.agent.runtime}, not even in a
 * signature: verifying it could load such a type through the application loader before the runtime
 * is on the bootstrap path, leaving two copies with separate state. {@link AgentStartup} does the
 * rest once the runtime jar is in place.
 */
public final class CacheguardAgent {
    private static volatile boolean started;
    /** How the runtime reached the bootstrap loader; set once, since its classes can be defined only once. */
    private static String runtime;
    private static boolean runtimeInstalled;

    private CacheguardAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    /**
     * Synchronized: two attach commands at once (or an attach while a start runs) take turns, so
     * each request sees the agent as the one before it left it and gets its own outcome; each
     * writes to its own transcript, and only the lines of its own thread (see {@code AgentLog.copyTo}).
     */
    private static synchronized void start(String arguments, Instrumentation instrumentation, boolean attached) {
        AttachRequest request = null;
        try {
            request = AttachRequest.of(arguments);
            if (request.expectedVersion != null && !request.expectedVersion.equals(CacheguardVersion.get())) {
                request.outcome(Outcome.OTHER_VERSION, "cacheguard " + CacheguardVersion.get()
                        + " is already loaded in this JVM; the attach command is version " + request.expectedVersion
                        + "; use the cacheguard-agent.jar of version " + CacheguardVersion.get());
                return;
            }
            if (started) {
                if (attached) {
                    AttachedAgent.reattach(AgentSession.current(), request);
                } else {
                    System.err.println("[cacheguard] already running in this JVM; ignoring the second start");
                }
                return;
            }
            // Read and check every option before anything is defined or exported: a bad option, or
            // mode=off, leaves the JVM exactly as it would be without the agent.
            AgentOptions options;
            try {
                options = OptionsParser.parse(request.options, System.getProperties());
            } catch (OptionException e) {
                request.println("error: " + e.getMessage()
                        + "; the agent is disabled and the application runs without it");
                request.outcome(Outcome.FAILED, "the options were refused (see above); the agent is not running");
                return;
            }
            if (options.mode() == Mode.OFF) {
                if (!options.quiet()) {
                    request.println(CacheguardVersion.get() + " " + options.describe()
                            + (attached ? " (attached)" : "") + ": nothing is patched or watched");
                }
                request.outcome(Outcome.ATTACHED, "cacheguard " + CacheguardVersion.get() + " attached ("
                        + options.describe() + "); nothing is patched or watched, nothing was defined in the JVM");
                return;
            }
            if (!runtimeInstalled) {
                try {
                    runtime = BootstrapRuntime.install(instrumentation);
                    runtimeInstalled = true;
                } catch (Exception e) {
                    String line = AgentLog.PREFIX + AgentLog.escape("error: cannot put the runtime on the boot class "
                            + "path (" + e + "); the agent is disabled and the application runs without it");
                    System.err.println(line);
                    request.outcome(Outcome.FAILED, line);
                    return;
                }
            }
            AgentSession session = AgentStartup.start(options, request.options, instrumentation, attached, runtime,
                    request.transcript);
            started = true;
            AgentSession.setCurrent(session);
            if (attached) {
                try {
                    AttachedAgent.finishFirstAttach(session, request);
                } finally {
                    session.log.copyTo(null); // the transcript is closed below; later lines go to the log only
                }
            } else {
                AgentStatus.publish(session);
            }
        } catch (Throwable t) {
            // the host must never see an exception of ours
            System.err.println(AgentLog.PREFIX
                    + AgentLog.escape("error: the agent failed to start (" + t + ") and is disabled"));
            if (request != null) {
                request.outcome(Outcome.FAILED, "the agent failed in the target (" + t + ")");
            }
        } finally {
            if (request != null) {
                request.close();
            }
        }
    }
}

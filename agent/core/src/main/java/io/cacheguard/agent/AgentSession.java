package io.cacheguard.agent;

import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.report.AgentLog;
import io.cacheguard.agent.report.EventReport;
import io.cacheguard.agent.report.RaceReporter;
import io.cacheguard.agent.transform.OtherAgentJars;
import io.cacheguard.agent.transform.SubclassGuards;
import java.lang.instrument.Instrumentation;
import java.nio.file.Paths;

/**
 * What one start of the agent set up in this JVM, kept so that a later attach to the same JVM can
 * compare its options with these and change what may change, instead of installing anything twice.
 */
final class AgentSession {
    private static volatile AgentSession current;

    final Instrumentation instrumentation;
    /** Whether the agent came in by attach (else by {@code -javaagent}). */
    final boolean attachedAtStart;
    final long startNanos;
    final AgentLog log;
    final EventReport report;
    final PatchReporter reporter;
    final PatchLedger ledger;
    /** Flight Recorder events, the state {@code status} reads and the JMX beans. */
    final Telemetry telemetry;
    /** The application's own map classes guarded in themselves: for good, whatever transformer comes next. */
    final SubclassGuards subclassGuards;
    /** The jars other agents run from ({@code -javaagent}), read once: the JVM's options never change. */
    final OtherAgentJars otherAgents;
    /** The agent argument the options were read from; a re-attach merges its own keys into it. */
    volatile String argument;
    volatile AgentOptions options;
    /** The installed transformer, or null while the mode is off. */
    volatile TransformerSlot transformer;
    /** Where races go, once a mode that detects has switched detection on; null before. */
    volatile RaceReporter races;

    AgentSession(Instrumentation instrumentation, boolean attachedAtStart, long startNanos, AgentLog log, EventReport report,
                 PatchReporter reporter, Telemetry telemetry, String argument, AgentOptions options) {
        this.instrumentation = instrumentation;
        this.attachedAtStart = attachedAtStart;
        this.startNanos = startNanos;
        this.log = log;
        this.report = report;
        this.reporter = reporter;
        this.ledger = new PatchLedger(reporter);
        this.telemetry = telemetry;
        this.subclassGuards = new SubclassGuards(className -> isLoaded(instrumentation, className));
        this.otherAgents = OtherAgentJars.of(BootstrapRuntime.jvmArguments(),
                Paths.get(System.getProperty("user.dir", "")), RuntimeJar.agentJar());
        this.argument = argument == null ? "" : argument;
        this.options = options;
    }

    /** One pass over the loaded classes: only when a racy field asks for its map class to be guarded. */
    private static boolean isLoaded(Instrumentation instrumentation, String className) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** The session of this JVM, or null when the agent never started (or its options were bad). */
    static AgentSession current() {
        return current;
    }

    static void setCurrent(AgentSession session) {
        current = session;
    }
}

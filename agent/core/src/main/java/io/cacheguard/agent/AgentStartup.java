package io.cacheguard.agent;

import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.Detector;
import io.cacheguard.agent.config.Mode;
import io.cacheguard.agent.report.AgentLog;
import io.cacheguard.agent.report.EventReport;
import io.cacheguard.agent.report.RaceReporter;
import io.cacheguard.agent.report.RaceSarif;
import io.cacheguard.agent.runtime.CacheBounds;
import io.cacheguard.agent.runtime.Detection;
import io.cacheguard.agent.runtime.Guards;
import io.cacheguard.agent.runtime.LiveMaps;
import io.cacheguard.agent.runtime.RaceEvents;
import io.cacheguard.agent.runtime.Watch;
import io.cacheguard.agent.spec.BoundsSpec;
import io.cacheguard.agent.transform.CacheTransformer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the agent does at start, once the runtime is on the bootstrap path: read the options
 * (a bad one disables the agent with one line), open the log and the report, configure the
 * runtime and install the transformer. Start-up and attach both come through here.
 */
final class AgentStartup {
    /** The exit status of a run with races and {@code failOnRace=true}: the TSan and Go race detector convention. */
    static final int RACE_EXIT_STATUS = 66;

    private AgentStartup() {
    }

    /**
     * @param options    the options, already read and checked (before the runtime was defined)
     * @param arguments  the agent argument they were read from, kept for a later attach
     * @param runtime    how the runtime reached the bootstrap loader, or null if the agent runs from a directory
     * @param transcript where an attach command reads the lines, or null
     * @return what was set up
     */
    static AgentSession start(AgentOptions options, String arguments, Instrumentation instrumentation, boolean attached,
                              String runtime, PrintStream transcript) {
        long startNanos = System.nanoTime();
        String version = CacheguardVersion.get();
        AgentLog log = openLog(options);
        log.copyTo(transcript);
        EventReport report = openReport(options, log);
        Telemetry telemetry = new Telemetry();
        PatchReporter reporter = new PatchReporter(log, report, telemetry);
        reporter.started(version, options, attached);
        if (runtime == null) {
            log.error("the agent is not running from its jar; the runtime stays on the application class path");
        }
        if (options.failOnRace() && !options.detects()) {
            // shown even with quiet=true: the user asked for a failing exit status that cannot come
            log.error("failOnRace=true has no effect with mode=" + options.mode().label()
                    + (options.mode().detects() ? " detector=off: nothing detects races in that mode; use detector=watch or hb"
                    : ": nothing detects races in that mode; use mode=both or mode=detect"));
        }
        AgentSession session = new AgentSession(instrumentation, attached, startNanos, log, report, reporter, telemetry,
                arguments, options);
        telemetry.start(session);
        installPatching(session, attached);
        return session;
    }

    /**
     * Installs the transformer unless the session's mode is off, with race detection if the mode
     * detects; called at start and again when a re-attach turns the agent on.
     *
     * @param live whether classes ran before this (an attach): maps they hold are then guarded in place
     */
    static void installPatching(AgentSession session, boolean live) {
        AgentOptions options = session.options;
        if (options.mode() == Mode.OFF) {
            return;
        }
        Guards.configure(bounds(options.defaultBounds()), fieldBounds(options), session.reporter);
        enableDetection(session, options);
        if (live) {
            enableLiveMaps(session);
        }
        TransformerSlot transformer = new TransformerSlot(newTransformer(session, options));
        session.transformer = transformer;
        Instrumentation instrumentation = session.instrumentation;
        linkVarHandles();
        instrumentation.addTransformer(transformer, instrumentation.isRetransformClassesSupported());
        Runnable atExit = () -> {
            session.reporter.summary(session.startNanos, transformer.stats(), session.races,
                    transformer.unmatchedSelection());
            session.report.close();
            RaceReporter races = session.races;
            if (session.options.failOnRace() && races != null && races.anyRace()) {
                session.log.error("failOnRace=true and races were reported: exit status " + RACE_EXIT_STATUS);
                Runtime.getRuntime().halt(RACE_EXIT_STATUS);
            }
        };
        // With failOnRace the exit status is ours to set, after the application's own hooks have
        // finished; without it the summary is written by an ordinary hook, as any library's would be.
        String notLast = options.failOnRace() ? LastShutdownHook.register(instrumentation, atExit) : "";
        if (notLast != null) {
            if (!notLast.isEmpty()) {
                session.log.error("cannot run after the application's shutdown hooks (" + notLast
                        + "); failOnRace ends the JVM from an ordinary hook, which may cut others short");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(atExit, "cacheguard-summary"));
        }
    }

    /**
     * Links a VarHandle operation before the transformer is installed, so that the JDK classes this
     * loads (VarHandle$AccessDescriptor) are loaded without it. Once the transformer is installed, a
     * thread linking the JVM's first VarHandle operation (the watch's warm-up, or any application
     * thread) would load them through it, and a VarHandle operation in a transformer at that moment
     * fails with a ClassCircularityError the JVM then keeps for every VarHandle use. CacheTransformer
     * leaves JDK classes before any such operation; this makes sure of it for all our code.
     */
    private static void linkVarHandles() {
        try {
            new java.util.concurrent.atomic.AtomicReference<>().compareAndSet(null, null);
            new java.util.concurrent.atomic.LongAdder().increment();
        } catch (Throwable ignored) {
            // linking failed: the JVM reports it to whoever links next, we change nothing about that
        }
    }

    /**
     * Switches race detection on if the mode detects and it is not on yet (at start, or when a
     * re-attach turns {@code patch} into {@code both}); its options are those of that moment.
     */
    static void enableDetection(AgentSession session, AgentOptions options) {
        if (!options.detects()) {
            return;
        }
        if (session.races == null) {
            session.races = new RaceReporter(session.log, session.report,
                    openSarif(options, session.log, CacheguardVersion.get()), Set.copyOf(options.suppress()),
                    session.telemetry);
            if (options.detector() == Detector.WATCH) {
                AccessOrderAccess.open(session.instrumentation, session.log);
                Watch.configure(session.races, options.stackDepth(), session.reporter);
            } else {
                Detection.configure(session.races, options.stackDepth(), session.reporter);
            }
            RaceEvents.detectionStarted();
        }
        if (options.mode().patches()) {
            Guards.trackGuardedMaps();
        }
    }

    /** From now on a raw map found in a patched field is guarded in place (see {@link LiveMaps}). */
    static void enableLiveMaps(AgentSession session) {
        LiveMaps.enable(new LiveMapReporter(session.log, session.report, session.telemetry));
    }

    static CacheTransformer newTransformer(AgentSession session, AgentOptions options) {
        return new CacheTransformer(options, options.selector(), session.ledger, session.subclassGuards,
                session.otherAgents);
    }

    private static RaceSarif openSarif(AgentOptions options, AgentLog log, String version) {
        if (options.sarif() == null) {
            return RaceSarif.NONE;
        }
        try {
            return RaceSarif.open(options.sarif(), version);
        } catch (IOException | RuntimeException e) {
            log.error("sarif='" + options.sarif() + "' cannot be written (" + reason(e) + "); no SARIF log is kept");
            return RaceSarif.NONE;
        }
    }

    /** The runtime's bounds for a spec the options already checked: the numbers cross, not the syntax. */
    private static CacheBounds bounds(String spec) {
        BoundsSpec read = BoundsSpec.parse(spec);
        return CacheBounds.of(read.maximumSize(), read.expireAfterWriteNanos(), read.expireAfterAccessNanos());
    }

    private static Map<String, CacheBounds> fieldBounds(AgentOptions options) {
        Map<String, CacheBounds> bounds = new HashMap<>();
        for (Map.Entry<String, String> field : options.fieldBounds().entrySet()) {
            bounds.put(field.getKey(), bounds(field.getValue()));
        }
        return bounds;
    }

    private static AgentLog openLog(AgentOptions options) {
        if (options.log() == null) {
            return AgentLog.stderr(options.quiet());
        }
        try {
            return AgentLog.file(options.log(), options.quiet());
        } catch (IOException | RuntimeException e) {
            AgentLog fallback = AgentLog.stderr(options.quiet());
            fallback.error("log='" + options.log() + "' cannot be written (" + reason(e) + "); logging to stderr instead");
            return fallback;
        }
    }

    /** Why a file cannot be written: the agent's own refusals (a link, a FIFO) read as sentences. */
    private static String reason(Exception e) {
        return e.getClass() == IOException.class ? e.getMessage() : e.toString();
    }

    private static EventReport openReport(AgentOptions options, AgentLog log) {
        if (options.report() == null) {
            return EventReport.NONE;
        }
        try {
            return EventReport.open(options.report());
        } catch (IOException | RuntimeException e) {
            log.error("report='" + options.report() + "' cannot be written (" + reason(e) + "); no report is kept");
            return EventReport.NONE;
        }
    }
}

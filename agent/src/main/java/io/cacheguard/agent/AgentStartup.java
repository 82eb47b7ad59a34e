package io.cacheguard.agent;

import io.cacheguard.config.AgentOptions;
import io.cacheguard.config.Mode;
import io.cacheguard.config.OptionException;
import io.cacheguard.config.OptionsParser;
import io.cacheguard.report.AgentLog;
import io.cacheguard.report.EventReport;
import io.cacheguard.report.RaceReporter;
import io.cacheguard.report.RaceSarif;
import io.cacheguard.runtime.CacheBounds;
import io.cacheguard.runtime.Detection;
import io.cacheguard.runtime.Guards;
import io.cacheguard.transform.CacheTransformer;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the agent does at start, once the runtime is on the bootstrap path: read the options
 * (a bad one disables the agent with one line), open the log and the report, configure the
 * runtime and install the transformer.
 */
final class AgentStartup {
    /** The exit status of a run with races and {@code failOnRace=true}: the TSan and Go race detector convention. */
    static final int RACE_EXIT_STATUS = 66;

    private AgentStartup() {
    }

    /** @param runtime how the runtime reached the bootstrap loader, or null if the agent runs from a directory */
    static void start(String arguments, Instrumentation instrumentation, boolean attached, String runtime) {
        long startNanos = System.nanoTime();
        String version = CacheguardVersion.get();
        AgentOptions options;
        try {
            options = OptionsParser.parse(arguments, System.getProperties());
        } catch (OptionException e) {
            System.err.println(AgentLog.PREFIX + "error: " + e.getMessage()
                    + "; the agent is disabled and the application runs without it");
            return;
        }
        AgentLog log = openLog(options);
        EventReport report = openReport(options, log);
        PatchReporter reporter = new PatchReporter(log, report);
        reporter.started(version, options, attached);
        if (runtime == null) {
            log.error("the agent is not running from its jar; the runtime stays on the application class path");
        }
        if (options.mode() == Mode.OFF) {
            return;
        }
        Guards.configure(CacheBounds.parse(options.defaultBounds()), fieldBounds(options), reporter);
        RaceReporter races = null;
        if (options.mode().detects()) {
            races = new RaceReporter(log, report, openSarif(options, log, version), Set.copyOf(options.suppress()));
            Detection.configure(races, options.stackDepth(), reporter);
            if (options.mode().patches()) {
                Guards.trackGuardedMaps();
            }
        }
        CacheTransformer transformer = new CacheTransformer(options, options.selector(), reporter);
        instrumentation.addTransformer(transformer, instrumentation.isRetransformClassesSupported());
        RaceReporter raceReporter = races;
        Runtime.getRuntime().addShutdownHook(new Thread("cacheguard-summary") {
            @Override
            public void run() {
                reporter.summary(startNanos, transformer.stats(), raceReporter);
                report.close();
                if (options.failOnRace() && raceReporter != null && raceReporter.anyRace()) {
                    log.error("failOnRace=true and races were reported: exit status " + RACE_EXIT_STATUS);
                    Runtime.getRuntime().halt(RACE_EXIT_STATUS);
                }
            }
        });
    }

    private static RaceSarif openSarif(AgentOptions options, AgentLog log, String version) {
        if (options.sarif() == null) {
            return RaceSarif.NONE;
        }
        try {
            return RaceSarif.open(options.sarif(), version);
        } catch (IOException | RuntimeException e) {
            log.error("sarif='" + options.sarif() + "' cannot be written (" + e + "); no SARIF log is kept");
            return RaceSarif.NONE;
        }
    }

    private static Map<String, CacheBounds> fieldBounds(AgentOptions options) {
        Map<String, CacheBounds> bounds = new HashMap<>();
        for (Map.Entry<String, String> field : options.fieldBounds().entrySet()) {
            bounds.put(field.getKey(), CacheBounds.parse(field.getValue()));
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
            fallback.error("log='" + options.log() + "' cannot be written (" + e + "); logging to stderr instead");
            return fallback;
        }
    }

    private static EventReport openReport(AgentOptions options, AgentLog log) {
        if (options.report() == null) {
            return EventReport.NONE;
        }
        try {
            return EventReport.open(options.report());
        } catch (IOException | RuntimeException e) {
            log.error("report='" + options.report() + "' cannot be written (" + e + "); no report is kept");
            return EventReport.NONE;
        }
    }
}

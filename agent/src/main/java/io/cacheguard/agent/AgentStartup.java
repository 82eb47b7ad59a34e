package io.cacheguard.agent;

import io.cacheguard.config.AgentOptions;
import io.cacheguard.config.Mode;
import io.cacheguard.config.OptionException;
import io.cacheguard.config.OptionsParser;
import io.cacheguard.report.AgentLog;
import io.cacheguard.report.EventReport;
import io.cacheguard.runtime.CacheBounds;
import io.cacheguard.runtime.Guards;
import io.cacheguard.transform.CacheTransformer;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the agent does at start, once the runtime is on the bootstrap path: read the options
 * (a bad one disables the agent with one line), open the log and the report, configure the
 * runtime and install the transformer.
 */
final class AgentStartup {
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
        if (!options.mode().patches()) {
            log.info("mode=" + options.mode().label() + ": race detection is not part of this build; "
                    + "classes are left unchanged");
            return;
        }
        Guards.configure(CacheBounds.parse(options.defaultBounds()), fieldBounds(options), reporter);
        CacheTransformer transformer = new CacheTransformer(options, options.selector(), reporter);
        instrumentation.addTransformer(transformer, instrumentation.isRetransformClassesSupported());
        Runtime.getRuntime().addShutdownHook(new Thread("cacheguard-summary") {
            @Override
            public void run() {
                reporter.summary(startNanos, transformer.stats());
                report.close();
            }
        });
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

package io.cacheguard.agent;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Reason;
import io.cacheguard.agent.analysis.Verdict;
import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.Mode;
import io.cacheguard.agent.report.AgentLog;
import io.cacheguard.agent.report.EventReport;
import io.cacheguard.agent.report.Json;
import io.cacheguard.agent.report.RaceReporter;
import io.cacheguard.agent.runtime.GuardListener;
import io.cacheguard.agent.transform.CacheTransformer;
import io.cacheguard.agent.transform.TransformStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns what the transformer and the runtime report into log lines and report events: one line per
 * patched field with its reason on the log, every decision in the JSON Lines report.
 */
final class PatchReporter implements CacheTransformer.Events, GuardListener {
    private final AgentLog log;
    private final EventReport report;
    private final Telemetry telemetry;
    private final AtomicInteger patched = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger safe = new AtomicInteger();
    private final AtomicInteger transformed = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    /** Fields already announced on the log: a class defined by several loaders is announced once. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    PatchReporter(AgentLog log, EventReport report, Telemetry telemetry) {
        this.log = log;
        this.report = report;
        this.telemetry = telemetry;
    }

    /** Mode detect tracks a racy field rather than patching it, and the log and report say so. */
    private volatile Mode mode = Mode.PATCH;
    /** Whether tracked maps are watched by a detector: the summary's {@code tracked} count. */
    private volatile boolean detects;

    void started(String version, AgentOptions options, boolean attached) {
        mode = options.mode();
        detects = options.detects();
        log.info(version + " " + options.describe() + (attached ? " (attached)" : ""));
        report.write(Json.object()
                .put("event", "start")
                .put("time", System.currentTimeMillis())
                .put("version", version)
                .put("pid", ProcessHandle.current().pid())
                .put("java", System.getProperty("java.version"))
                .put("mode", options.mode().label())
                .put("detector", options.detector().label())
                .put("attached", attached)
                .put("options", options.describe()));
    }

    @Override
    public void decided(ClassLoader loader, String className, List<FieldReport> reports) {
        boolean trackOnly = mode == Mode.DETECT;
        for (FieldReport field : reports) {
            String event;
            if (field.verdict() == Verdict.PATCH) {
                patched.incrementAndGet();
                event = trackOnly ? "tracked" : "patched";
                if (announced.add(field.qualifiedName())) {
                    log.info((trackOnly ? "racy " : "patched ") + field.qualifiedName() + " (" + field.declaredType()
                            + "): " + field.reasons().get(0).message()
                            + (trackOnly ? "; tracked, left as it is (mode=detect)" : lazyNote(field)));
                }
            } else if (field.verdict() == Verdict.SKIP) {
                skipped.incrementAndGet();
                event = "skipped";
            } else {
                safe.incrementAndGet();
                event = "safe";
            }
            report.write(fieldEvent(event, field, loader));
            if (field.verdict() != Verdict.SAFE) {
                telemetry.fieldDecided(field, event);
            }
        }
    }

    private static String lazyNote(FieldReport field) {
        int sites = field.lazyInitStores().size();
        if (sites == 0) {
            return "";
        }
        return "; its lazy initialisation (" + sites + (sites == 1 ? " site" : " sites")
                + ") becomes a compare-and-set";
    }

    private static Json fieldEvent(String event, FieldReport field, ClassLoader loader) {
        List<Json> reasons = new ArrayList<>();
        for (Reason reason : field.reasons()) {
            reasons.add(Json.object()
                    .put("method", reason.method())
                    .put("line", reason.line() > 0 ? reason.line() : null)
                    .put("access", reason.access() == null ? null : reason.access().label())
                    .put("lock", reason.lock())
                    .put("message", reason.message()));
        }
        return Json.object()
                .put("event", event)
                .put("time", System.currentTimeMillis())
                .put("class", field.className())
                .put("field", field.fieldName())
                .put("static", field.isStatic())
                .put("declaredType", field.declaredType())
                .put("assignedTypes", field.assignedTypes())
                .put("verdict", field.verdict().label())
                .put("loader", loader == null ? "bootstrap" : loader.toString())
                .put("lazyInitStores", field.lazyInitStores())
                .put("reasons", reasons);
    }

    @Override
    public void transformed(String className) {
        transformed.incrementAndGet();
    }

    @Override
    public void mapClassGuarded(String className) {
        log.info("guarded " + className + " itself: every map operation of an instance runs on the instance's monitor");
    }

    @Override
    public void transformFailed(String className, Throwable error) {
        errors.incrementAndGet();
        log.error("cannot transform " + className + " (" + error + "); it is loaded unchanged");
        report.write(Json.object()
                .put("event", "error")
                .put("time", System.currentTimeMillis())
                .put("class", className)
                .put("message", String.valueOf(error)));
    }

    @Override
    public void unwrappable(String field, String valueClass, String why) {
        report.write(Json.object()
                .put("event", "skipped")
                .put("time", System.currentTimeMillis())
                .put("field", field)
                .put("valueClass", valueClass)
                .put("message", "a value of " + valueClass + " was left unguarded: " + why));
    }

    @Override
    public void guardFailed(String field, Throwable error) {
        errors.incrementAndGet();
        log.error("guarding " + field + " failed (" + error + "); the value is left as it was");
        report.write(Json.object()
                .put("event", "error")
                .put("time", System.currentTimeMillis())
                .put("field", field)
                .put("message", String.valueOf(error)));
    }

    /** @param unmatched the selection entries that matched nothing ({@code targets=…}, {@code includes=…}) */
    void summary(long startNanos, TransformStats stats, RaceReporter races, List<String> unmatched) {
        for (String entry : unmatched) {
            log.info(entry + " matched nothing in this run: no class loaded matched it"
                    + (entry.startsWith("targets=") ? " with a map field" : "")
                    + "; check its spelling (a nested class is Outer$Inner, a field Class.field or Class#field)");
        }
        if (races != null) {
            Map<String, Long> perField = races.countsPerField();
            long total = perField.values().stream().mapToLong(Long::longValue).sum();
            log.finding("races: " + races.distinct() + " distinct, " + total + " in all"
                    + (races.suppressed() > 0 ? ", " + races.suppressed() + " on suppressed fields" : "")
                    + (perField.isEmpty() ? "" : " " + perField)
                    + (races.sampledFields().isEmpty() ? "" : "; lower bounds (accesses sampled once hot) for "
                    + races.sampledFields()));
        }
        Json summary = Json.object()
                .put("event", "summary")
                .put("time", System.currentTimeMillis())
                .put("patched", mode.patches() ? patched.get() : 0)
                .put("tracked", detects ? patched.get() : 0)
                .put("skipped", skipped.get())
                .put("safe", safe.get())
                .put("classesTransformed", transformed.get())
                .put("errors", errors.get())
                .put("classesSeen", stats.classesSeen())
                .put("classesPastFilter", stats.classesPastFilter())
                .put("classesAnalysed", stats.classesAnalysed())
                .put("transformMillis", stats.transformNanos() / 1_000_000)
                .put("analysisMillis", stats.analysisNanos() / 1_000_000)
                .put("uptimeMillis", (System.nanoTime() - startNanos) / 1_000_000)
                .put("unmatchedSelection", unmatched);
        if (races != null) {
            summary.put("races", races.countsPerField())
                    .put("distinctRaces", races.distinct())
                    .put("suppressedRaces", races.suppressed())
                    .put("sampledRaceCounts", races.sampledFields());
        }
        report.write(summary);
    }
}

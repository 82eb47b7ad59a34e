package io.cacheguard.agent.report;

import io.cacheguard.agent.runtime.RaceEvents;
import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.RaceListener;
import io.cacheguard.agent.runtime.detector.RaceLog;
import io.cacheguard.agent.runtime.detector.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where races go once the detector found them: counted and deduplicated by {@link RaceLog}, then
 * each distinct one written in human form to the log, as a {@code race} event to the JSON Lines
 * report and into the SARIF file, all as it happens. Races on suppressed fields are only counted.
 * Every race, repeats included, also goes to {@link RaceEvents} (the JUnit extension), which needs
 * each test's own race, not only the first of its kind in the JVM.
 */
public final class RaceReporter implements RaceListener {
    /** Distinct races reported in full; beyond this they are only counted, so output stays bounded. */
    public static final int MAX_DISTINCT = 1000;

    private final AgentLog log;
    private final EventReport report;
    private final RaceSarif sarif;
    private final Set<String> suppressed;
    private final RaceLog races = new RaceLog(this::first, MAX_DISTINCT);
    private final AtomicLong suppressedCount = new AtomicLong();
    private final Watcher watcher;

    /** Who else hears of races: the Flight Recorder events and the published state ({@code status}, JMX). */
    public interface Watcher {
        /** A distinct race, after the log, the report and SARIF have it. */
        void first(Race race);

        /** A count changed (a repeat, a suppressed race): called often, so it must be cheap. */
        void counted();
    }

    public RaceReporter(AgentLog log, EventReport report, RaceSarif sarif, Set<String> suppressed, Watcher watcher) {
        this.log = log;
        this.report = report;
        this.sarif = sarif;
        this.suppressed = suppressed;
        this.watcher = watcher;
    }

    @Override
    public void race(Race race) {
        if (suppressed.contains(race.map())) {
            suppressedCount.incrementAndGet();
        } else {
            races.race(race);
            if (RaceEvents.listening()) {
                RaceEvents.race(race.map(), race.kind().label(), sites(race), String.join("\n", humanForm(race)));
            }
        }
        watcher.counted();
    }

    @Override
    public void counted(String map, boolean patched) {
        if (suppressed.contains(map)) {
            suppressedCount.incrementAndGet();
        } else {
            races.counted(map, patched);
            RaceEvents.unattributed(map);
        }
        watcher.counted();
    }

    @Override
    public void sampled(String map) {
        races.sampled(map);
    }

    /** Fields whose count is a lower bound (see {@code RaceListener.sampled}). */
    public List<String> sampledFields() {
        return races.sampledFields();
    }

    /** Whether any race was reported (suppressed ones aside): what {@code failOnRace} looks at. */
    public boolean anyRace() {
        return !races.countsPerField().isEmpty();
    }

    /** Races per field, repeats included, suppressed fields aside. */
    public Map<String, Long> countsPerField() {
        return races.countsPerField();
    }

    public int distinct() {
        return races.distinct();
    }

    public long suppressed() {
        return suppressedCount.get();
    }

    private void first(Race race) {
        log.finding(humanForm(race));
        report.write(event(race));
        sarif.add(race);
        watcher.first(race);
    }

    /**
     * The race as the log shows it: a headline, then each access with its stack, one element per
     * line. {@link AgentLog} prefixes and escapes each line on its own, so a thread name or a frame
     * (class, method and file names come from class files) cannot break a line or forge one.
     */
    static List<String> humanForm(Race race) {
        List<String> lines = new ArrayList<>();
        lines.add("RACE " + race.kind().label() + " on " + race.map() + " (map " + identity(race) + (race.patched()
                ? ", patched: harmless in this run, racy in the source" : ", not patched")
                + ", detector " + race.detector().label() + ')');
        site(lines, "  ", race.later());
        site(lines, "  races with earlier ", race.earlier());
        return lines;
    }

    /** What makes repeats one race for {@link RaceLog} (field, kind, both operations and stacks), as text. */
    private static String sites(Race race) {
        return race.kind().label() + ' ' + race.map() + ' ' + race.later().operation()
                + Arrays.toString(race.later().stack()) + ' ' + race.earlier().operation()
                + Arrays.toString(race.earlier().stack());
    }

    private static void site(List<String> lines, String lead, Site site) {
        lines.add(lead + site.operation() + " in thread \"" + site.threadName() + "\" (id " + site.threadId() + ')');
        for (StackTraceElement frame : site.stack()) {
            lines.add("      at " + frame);
        }
    }

    static String identity(Race race) {
        return "@" + Integer.toHexString(race.mapIdentity());
    }

    private static Json event(Race race) {
        return Json.object()
                .put("event", "race")
                .put("time", System.currentTimeMillis())
                .put("kind", race.kind().label())
                .put("detector", race.detector().label())
                .put("class", className(race.map()))
                .put("field", fieldName(race.map()))
                .put("map", identity(race))
                .put("patched", race.patched())
                .put("earlier", access(race.earlier()))
                .put("later", access(race.later()));
    }

    private static Map<String, Object> access(Site site) {
        List<Object> stack = new ArrayList<>();
        for (StackTraceElement frame : site.stack()) {
            stack.add(frame.toString());
        }
        Json access = Json.object()
                .put("thread", site.threadName())
                .put("threadId", site.threadId())
                .put("operation", site.operation())
                .put("stack", stack);
        return access.fields();
    }

    static String className(String qualifiedField) {
        int dot = qualifiedField.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedField.substring(0, dot);
    }

    static String fieldName(String qualifiedField) {
        return qualifiedField.substring(qualifiedField.lastIndexOf('.') + 1);
    }
}

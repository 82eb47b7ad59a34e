package io.cacheguard.agent.config;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's settings after every source was read and checked.
 *
 * @param detector      the race detector: {@link Detector#OFF} whenever the mode detects nothing
 * @param defaultBounds the default bounds as a Caffeine spec (empty: none)
 * @param fieldBounds   per-field overrides of the bounds, by {@code Class.field}
 * @param report        the {@code report} value as given ({@code %p}, a directory): a path is made of it only
 *                      when the file is opened, so a path this JVM cannot name costs the report, not the agent
 *                      (see {@link io.cacheguard.agent.report.OutputFile}); {@code log} and {@code sarif} alike
 */
public record AgentOptions(Mode mode, Detector detector, List<Glob> includes, List<Glob> excludes, String targets, boolean all,
                           String defaultBounds, Map<String, String> fieldBounds, String report, String log, boolean quiet,
                           boolean failOnRace, String sarif, int stackDepth, List<String> suppress) {
    public AgentOptions {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        fieldBounds = Map.copyOf(fieldBounds);
        suppress = List.copyOf(suppress);
    }

    /** Whether races are looked for at all: a mode that detects, with a detector. */
    public boolean detects() {
        return detector != Detector.OFF;
    }

    /** Whether every acquire and release in the program is observed: the happens-before detector. */
    public boolean observesSynchronization() {
        return detector == Detector.HB;
    }

    /** Whether a class (dotted name) is in the user's includes and not in the excludes. */
    public boolean isIncluded(String className) {
        if (CacheSelector.isExcluded(className)) {
            return false;
        }
        boolean included = includes.isEmpty();
        for (Glob glob : includes) {
            included |= glob.matches(className);
        }
        if (!included) {
            return false;
        }
        for (Glob glob : excludes) {
            if (glob.matches(className)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code includes} names this class: a class the agent leaves alone by default (another
     * agent's) is analysed only then.
     */
    public boolean includesExplicitly(String className) {
        return !includes.isEmpty() && isIncluded(className);
    }

    /** The {@code includes} entries no class name has matched so far, for the summary at exit. */
    public List<String> unmatchedIncludes() {
        List<String> unmatched = new ArrayList<>();
        for (Glob glob : includes) {
            if (!glob.matchedAny()) {
                unmatched.add(glob.toString());
            }
        }
        return unmatched;
    }

    public CacheSelector selector() {
        return CacheSelector.of(all, targets);
    }

    /** The settings in the agent-argument syntax, for the start-up line and the report. */
    public String describe() {
        StringBuilder text = new StringBuilder("mode=").append(mode.label());
        if (mode.detects()) {
            text.append(" detector=").append(detector.label());
        }
        if (!includes.isEmpty()) {
            text.append(" includes=").append(join(includes));
        }
        if (!excludes.isEmpty()) {
            text.append(" excludes=").append(join(excludes));
        }
        if (targets != null && !targets.isEmpty()) {
            text.append(" targets=").append(targets);
        }
        if (all) {
            text.append(" all=true");
        }
        if (!defaultBounds.isEmpty()) {
            text.append(" bounds=").append(defaultBounds);
        }
        if (report != null) {
            text.append(" report=").append(report);
        }
        return text.toString();
    }

    private static String join(List<Glob> globs) {
        StringBuilder text = new StringBuilder();
        for (Glob glob : globs) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(glob);
        }
        return text.toString();
    }
}

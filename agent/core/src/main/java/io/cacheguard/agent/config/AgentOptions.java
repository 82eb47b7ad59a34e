package io.cacheguard.agent.config;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.Glob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The agent's settings after every source was read and checked. Immutable. */
public final class AgentOptions {
    final Mode mode;
    final List<Glob> includes;
    final List<Glob> excludes;
    final String targets;
    final boolean all;
    /** The default bounds as a Caffeine spec (empty: none), and per-field overrides by Class.field. */
    final String bounds;
    final Map<String, String> fieldBounds;
    final Path report;
    final Path log;
    final boolean quiet;
    final boolean failOnRace;
    final Path sarif;
    final int stackDepth;
    final List<String> suppress;

    AgentOptions(Mode mode, List<Glob> includes, List<Glob> excludes, String targets, boolean all, String bounds,
                 Map<String, String> fieldBounds, Path report, Path log, boolean quiet, boolean failOnRace, Path sarif,
                 int stackDepth, List<String> suppress) {
        this.mode = mode;
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.targets = targets;
        this.all = all;
        this.bounds = bounds;
        this.fieldBounds = Map.copyOf(fieldBounds);
        this.report = report;
        this.log = log;
        this.quiet = quiet;
        this.failOnRace = failOnRace;
        this.sarif = sarif;
        this.stackDepth = stackDepth;
        this.suppress = List.copyOf(suppress);
    }

    public Mode mode() {
        return mode;
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

    public CacheSelector selector() {
        return CacheSelector.of(all, targets);
    }

    /** The Caffeine spec for a field ({@code com.acme.Cache.map}): its own override or the default. */
    public String boundsFor(String qualifiedField) {
        return fieldBounds.getOrDefault(qualifiedField, bounds);
    }

    public String defaultBounds() {
        return bounds;
    }

    public Map<String, String> fieldBounds() {
        return fieldBounds;
    }

    public Path report() {
        return report;
    }

    public Path log() {
        return log;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean failOnRace() {
        return failOnRace;
    }

    public Path sarif() {
        return sarif;
    }

    public int stackDepth() {
        return stackDepth;
    }

    public List<String> suppress() {
        return suppress;
    }

    /** The settings in the agent-argument syntax, for the start-up line and the report. */
    public String describe() {
        StringBuilder text = new StringBuilder("mode=").append(mode.label());
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
        if (!bounds.isEmpty()) {
            text.append(" bounds=").append(bounds);
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

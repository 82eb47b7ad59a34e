package io.cacheguard.agent;

import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.Mode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a re-attach asks to change. Its options are read as changes to the running ones: a key it
 * does not name keeps its value, so attaching again with {@code targets=...} alone does not reset
 * the report or the mode.
 *
 * <p>What may change: the class selection ({@code includes}, {@code excludes}, {@code targets},
 * {@code all}), whose new decisions a retransformation applies, and the mode, towards doing more
 * ({@code off} or {@code detect} to {@code patch} or {@code both}). Everything else is fixed once
 * the agent runs: patched maps cannot be unguarded, maps already guarded keep their bounds, and the
 * report and log are open files the earlier events went to.
 */
final class OptionChange {
    private static final Set<String> SELECTION = Set.of("includes", "excludes", "targets", "all");

    private final Map<String, String> requestedPairs;
    private final String merged;

    private OptionChange(Map<String, String> requestedPairs, String merged) {
        this.requestedPairs = requestedPairs;
        this.merged = merged;
    }

    static OptionChange between(String running, String requested) {
        Map<String, String> after = pairs(running);
        Map<String, String> requestedPairs = pairs(requested);
        after.putAll(requestedPairs);
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> pair : after.entrySet()) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(pair.getKey()).append('=').append(pair.getValue());
        }
        return new OptionChange(requestedPairs, text.toString());
    }

    /** The running argument with the requested keys replaced: what the agent runs with if accepted. */
    String mergedArgument() {
        return merged;
    }

    /**
     * The requested keys whose effective value differs from the running one (naming a key with
     * the value it already has, or its default, changes nothing).
     */
    Set<String> changedKeys(AgentOptions running, AgentOptions next) {
        Set<String> changed = new TreeSet<>();
        for (String key : requestedPairs.keySet()) {
            if (!Objects.equals(effective(running, key), effective(next, key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    static boolean selectionChanged(Set<String> changed) {
        return changed.stream().anyMatch(SELECTION::contains);
    }

    /** Why these changes cannot be made to the running agent, or null if they can. */
    static String refusal(Set<String> changed, AgentOptions running, AgentOptions next) {
        for (String key : changed) {
            if (key.equals("mode")) {
                if (running.mode() == Mode.DETECT && next.mode().patches()) {
                    return "mode=" + next.mode().label() + " cannot follow mode=detect in a running JVM: the maps "
                            + "mode=detect tracks keep their racy original, which a re-attach cannot swap safely;"
                            + " restart the JVM with mode=" + next.mode().label();
                }
                if (!keepsEverythingOf(next.mode(), running.mode())) {
                    return "mode=" + next.mode().label() + " would undo mode=" + running.mode().label()
                            + ", and a running JVM cannot be un-patched (its guarded maps stay guarded);"
                            + " attach with mode=" + (running.mode() == Mode.BOTH ? "both" : running.mode().label()
                            + " or mode=both") + ", or restart the JVM";
                }
            } else if (!SELECTION.contains(key)) {
                return key + " cannot change while the agent runs (it is " + effective(running, key)
                        + "): maps already guarded keep their bounds and the report and log stay open;"
                        + " attach again without " + key + " or restart the JVM to change it";
            }
        }
        return null;
    }

    private static Object effective(AgentOptions options, String key) {
        switch (key) {
            case "mode":
                return options.mode();
            case "detector":
                return options.detector().label();
            case "report":
                return String.valueOf(options.report());
            case "log":
                return String.valueOf(options.log());
            case "quiet":
                return options.quiet();
            case "maximumSize":
            case "expireAfterWrite":
            case "expireAfterAccess":
                return "'" + options.defaultBounds() + "'";
            case "failOnRace":
                return options.failOnRace();
            case "sarif":
                return String.valueOf(options.sarif());
            case "stackDepth":
                return options.stackDepth();
            case "suppress":
                return options.suppress();
            case "config":
                return options.fieldBounds();
            default: // the selection keys: compared through the description that lists them
                return options.describe().replaceAll("^mode=\\S+", "");
        }
    }

    private static boolean keepsEverythingOf(Mode requested, Mode running) {
        return (!running.patches() || requested.patches()) && (!detects(running) || detects(requested));
    }

    private static boolean detects(Mode mode) {
        return mode == Mode.DETECT || mode == Mode.BOTH;
    }

    /** key=value pairs of an agent argument; the parser has already checked their syntax. */
    private static Map<String, String> pairs(String argument) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (argument == null) {
            return pairs;
        }
        for (String part : argument.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                pairs.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        return pairs;
    }
}

package io.cacheguard.agent.jmx;

import java.util.Map;

/** {@code io.cacheguard:type=Agent}: what cacheguard does in this JVM, for JConsole, VisualVM and JMX clients. */
public interface AgentMXBean {
    String getVersion();

    /** {@code patch}, {@code detect}, {@code both}. */
    String getMode();

    /** {@code hb}, {@code watch}, or {@code off} when the mode does not detect. */
    String getDetector();

    /** {@code javaagent} or {@code attach}. */
    String getStart();

    /** The options in the agent-argument syntax. */
    String getOptions();

    /** The JSON Lines report's path, or {@code none}. */
    String getReport();

    String[] getPatchedFields();

    String[] getTrackedFields();

    String[] getSkippedFields();

    /** Races per field, repeats included. */
    Map<String, Long> getRaceCounts();

    long getDistinctRaces();

    long getSuppressedRaces();
}

package io.cacheguard.agent;

/**
 * What the {@code attach} command and the agent inside the target agree on. The command cannot
 * see the target's stderr, so it writes a request file, passes its path as the agent argument, and
 * reads back a transcript the agent writes next to it: the agent's log lines while it attaches,
 * then one outcome line.
 */
public final class AttachProtocol {
    /** The agent argument of an attach made by the command: this prefix, then the request file. */
    public static final String REQUEST_ARGUMENT = "@cacheguard-attach=";
    /** Request file keys (a properties file). */
    public static final String VERSION = "version";
    public static final String OPTIONS = "options";
    public static final String TRANSCRIPT = "transcript";

    /** Transcript lines starting with this are for the command, not the user: {@code @outcome KIND message}. */
    public static final String OUTCOME = "@outcome ";
    /** {@code @report PATH} or {@code @report none}: where the target's report goes. */
    public static final String REPORT = "@report ";

    /**
     * The system property a running agent publishes: {@code version=V mode=M start=javaagent|attach}.
     * Not under {@code cacheguard.}, where every property is read as an option.
     */
    public static final String STATUS_PROPERTY = "io.cacheguard.agent";

    /** How an attach ended, as the outcome line names it. */
    public enum Outcome {
        /** The agent started in the target. */
        ATTACHED,
        /** It was already running with these options; nothing was done. */
        UNCHANGED,
        /** It was already running; the new options took effect. */
        CHANGED,
        /** It was already running; the new options were refused, nothing changed. */
        REFUSED,
        /** Another cacheguard version runs in the target; nothing was done. */
        OTHER_VERSION,
        /** The agent could not start or act (bad options, an error). */
        FAILED
    }

    private AttachProtocol() {
    }
}

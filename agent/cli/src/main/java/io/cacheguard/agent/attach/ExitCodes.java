package io.cacheguard.agent.attach;

/** The exit statuses of {@code attach} (documented in the README and in {@code --help}). */
final class ExitCodes {
    /** Attached, or already attached (options applied or nothing to change). */
    static final int OK = 0;
    /** The agent in the target refused the options or failed; nothing changed. */
    static final int AGENT_REFUSED = 1;
    /** Bad usage: no PID, a PID that is not a number, a bad option. */
    static final int USAGE = 2;
    /** No such JVM: no process with that PID, not a Java process, or a Java too old for the agent. */
    static final int NO_SUCH_JVM = 3;
    /** The JVM runs as another user, and a JVM accepts an attach only from its own user. */
    static final int OTHER_USER = 4;
    /** The JVM refuses attach or agents (-XX:+DisableAttachMechanism, -XX:-EnableDynamicAgentLoading, no answer). */
    static final int ATTACH_REFUSED = 5;
    /** The Java running this command cannot attach (no jdk.attach module). */
    static final int NO_ATTACH_SUPPORT = 6;
    /** Another cacheguard version already runs in the JVM. */
    static final int OTHER_VERSION = 7;
    /** {@code status}: cacheguard is not running in that JVM (never attached, or attached with mode=off). */
    static final int NOT_RUNNING = 8;

    private ExitCodes() {
    }
}

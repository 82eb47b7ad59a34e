package io.cacheguard.agent.attach;

/**
 * How this command talks to a target JVM. The JDK's attach API when this Java has the
 * {@code jdk.attach} module; otherwise byte-buddy-agent's attachment providers, which find other
 * ways on some JVMs (OpenJ9, JNA on the class path) and otherwise say none is available.
 */
interface Attacher {
    /**
     * The target's cacheguard status property ({@code version=... mode=... start=...}), "" when
     * cacheguard is not loaded, or null when this attacher cannot read the target's properties.
     */
    String cacheguardStatus(TargetJvm target, String agentJar) throws AttachFailure;

    /**
     * The target's system properties of these names (one absent is left out), read in one
     * connection without loading anything into the target; null when this attacher cannot read them.
     */
    java.util.Map<String, String> properties(TargetJvm target, String agentJar, String... names) throws AttachFailure;

    /**
     * Loads the agent jar into the target with this argument, once {@code beforeLoading} accepted
     * the target's cacheguard status (one connection for both); returns when agentmain has returned.
     */
    void loadAgent(TargetJvm target, String agentJar, String argument, StatusCheck beforeLoading) throws AttachFailure;

    /** Refuses a target by its cacheguard status (see {@link #cacheguardStatus}). */
    interface StatusCheck {
        void check(String status) throws AttachFailure;
    }

    /** The JDK's attach API if this Java has it, else byte-buddy-agent. */
    static Attacher forThisJava() {
        if (ModuleLayer.boot().findModule("jdk.attach").isPresent()) {
            return new JdkAttacher(); // only loaded here: it names jdk.attach types
        }
        return new ByteBuddyAttacher();
    }
}

package io.cacheguard.agent;

/**
 * Publishes that cacheguard runs in this JVM, its version and mode, as a system property: the
 * {@code list} command shows it, and {@code attach} refuses to load a second, different version.
 */
final class AgentStatus {
    private AgentStatus() {
    }

    static void publish(AgentSession session) {
        try {
            System.setProperty(AttachProtocol.STATUS_PROPERTY, "version=" + CacheguardVersion.get()
                    + " mode=" + session.options.mode().label() + " start=" + (session.attachedAtStart ? "attach" : "javaagent"));
        } catch (RuntimeException e) {
            // a security manager may refuse; the agent works the same, list just cannot tell
        }
        session.telemetry.publish();
    }
}

package io.cacheguard.agent.runtime;

/**
 * How the runtime tells the agent what happened to a value at run time. The agent installs one;
 * the runtime, loaded by the bootstrap loader, cannot see the agent's reporting classes itself.
 */
public interface GuardListener {
    GuardListener NONE = new GuardListener() {
        @Override
        public void unwrappable(String field, String valueClass, String why) {
        }

        @Override
        public void guardFailed(String field, Throwable error) {
        }
    };

    /** A value stored into a patched field that no wrapper can stand for; it was left as it is. */
    void unwrappable(String field, String valueClass, String why);

    /** Guarding a value failed; the value was left as it is and the application goes on. */
    void guardFailed(String field, Throwable error);
}

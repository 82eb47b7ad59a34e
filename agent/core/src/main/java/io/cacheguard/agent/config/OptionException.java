package io.cacheguard.agent.config;

/** A bad option: its message is the one line the user sees, naming the key, the value and what is accepted. */
public final class OptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message);
    }
}

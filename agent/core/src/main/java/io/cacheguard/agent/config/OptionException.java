package io.cacheguard.agent.config;

import io.cacheguard.agent.report.AgentLog;

/**
 * A bad option: its message is the one line the user sees, naming the key, the value and what is
 * accepted. The values in it are escaped as the log escapes them, so the message is one line
 * wherever it is shown (the agent's log, the {@code attach} command's own error line).
 */
public final class OptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(AgentLog.escape(message));
    }
}

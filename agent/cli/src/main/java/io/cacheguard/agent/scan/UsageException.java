package io.cacheguard.agent.scan;

/** A command line the scan cannot run; the message is the one line the user sees. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

package io.cacheguard.agent.attach;

/**
 * Why {@code attach} or {@code list} could not do what was asked: one line for the user, naming the
 * input and what to do, and the exit status documented for that case.
 */
final class AttachFailure extends Exception {
    private static final long serialVersionUID = 1L;

    final int exitCode;

    AttachFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }
}

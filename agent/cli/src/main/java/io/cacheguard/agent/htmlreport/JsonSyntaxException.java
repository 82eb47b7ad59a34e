package io.cacheguard.agent.htmlreport;

/** A report line that is not exactly one JSON value; the message says what and at which column. */
final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String what, int column) {
        super(what + " at column " + column);
    }
}

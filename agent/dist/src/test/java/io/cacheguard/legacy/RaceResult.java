package io.cacheguard.legacy;

import java.io.PrintStream;

/**
 * The one line a race driver ends with, and its exit status: {@code RESULT <name> OK} (0),
 * {@code RESULT <name> BROKEN <reason>} (1), or the same BROKEN line for a worker stuck in a loop
 * (3). The line is what the integration test reads; the status lets a person at a shell tell a
 * hang from an exception without reading it.
 */
final class RaceResult {
    static final int OK = 0;
    static final int BROKEN = 1;
    static final int HUNG = 3;

    private RaceResult() {
    }

    static void ok(String name) {
        finish(OK, "RESULT " + name + " OK");
    }

    static void broken(String name, String reason) {
        finish(BROKEN, "RESULT " + name + " BROKEN " + oneLine(reason));
    }

    /** A worker made no progress: the historical symptom of a cycle in a corrupted bucket chain. */
    static void hung(String name, Round.Outcome outcome) {
        StringBuilder where = new StringBuilder();
        StackTraceElement[] stack = outcome.stalledAt;
        for (int i = 0; i < Math.min(3, stack.length); i++) {
            where.append(i == 0 ? " at " : " < ").append(stack[i]);
        }
        finish(HUNG, "RESULT " + name + " BROKEN hang: a worker made no progress for "
                + outcome.stalledMillis + " ms" + where);
    }

    /** An exception thrown out of the library, with the frame that threw it. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        StackTraceElement[] stack = cause.getStackTrace();
        return cause + (stack.length > 0 ? " at " + stack[0] : "");
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static void finish(int status, String line) {
        PrintStream out = System.out;
        out.println(line);
        out.flush();
        // Hung workers never end; exit rather than return from main.
        System.exit(status);
    }
}

package io.cacheguard.agent.scan;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/** Something the scan could not read or analyse, named by where it came from. */
final class ScanProblem {
    enum Kind {
        /** A path given on the command line is missing, unreadable, or not a jar, directory or class file. */
        INPUT,
        /** Something inside an input (a jar entry, a nested jar, a file in a directory) cannot be read. */
        ENTRY,
        /** A class file the analysis cannot read: malformed, truncated, or from a newer JDK. */
        CLASS,
        /** The analysis failed on a class it could read: a cacheguard bug worth reporting. */
        INTERNAL;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final Kind kind;
    /** The path, {@code !/} between an archive and its entry: {@code app.jar!/BOOT-INF/lib/a.jar!/A.class}. */
    final String input;
    final String message;

    ScanProblem(Kind kind, String input, String message) {
        this.kind = kind;
        this.input = input;
        this.message = message;
    }

    /** An I/O failure in words; the JDK's messages for these two are only the path, said again. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public String toString() {
        return input + ": " + message;
    }
}

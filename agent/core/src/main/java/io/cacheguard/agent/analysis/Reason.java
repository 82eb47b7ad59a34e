package io.cacheguard.agent.analysis;

import java.util.Objects;

/**
 * One piece of evidence behind a verdict, pointing at the source line a person can check:
 * e.g. {@code put at ExpiringCache.java:57 in get(String) holds no lock}.
 */
public final class Reason {
    private final String method;
    private final int line;
    private final Access access;
    private final String lock;
    private final String message;

    public Reason(String method, int line, Access access, String lock, String message) {
        this.method = method;
        this.line = line;
        this.access = access;
        this.lock = lock;
        this.message = Objects.requireNonNull(message, "message");
    }

    /** A reason about the field as a whole, not about one access. */
    public static Reason general(String message) {
        return new Reason(null, -1, null, null, message);
    }

    /** The method, as {@code name(SimpleParamType, ...)}, or null for a field-wide reason. */
    public String method() {
        return method;
    }

    /**
     * A line of the class's own source file (for Kotlin's inlined code, as its source map gives it), or
     * -1 when the class has no line numbers, the reason is field-wide, or the line is not one of that file.
     */
    public int line() {
        return line;
    }

    /** The kind of access, or null for a field-wide reason. */
    public Access access() {
        return access;
    }

    /** The lock held at the access in words ({@code 'this'}, {@code the write lock of 'lock'}), or null for none. */
    public String lock() {
        return lock;
    }

    public String message() {
        return message;
    }

    @Override
    public String toString() {
        return message;
    }
}

package io.cacheguard.samples;

import java.util.Objects;

/**
 * The verdict of one run. Users script against {@link #line()} and {@link #exitCode()}, so their
 * formats are a contract: {@code RESULT <sample> OK} (0), {@code RESULT <sample> BROKEN <reason>}
 * (1), and for a hang {@code RESULT <sample> BROKEN hang: <detail>} (3).
 */
public record Result(String sample, Verdict verdict, String reason) {

    public enum Verdict { OK, BROKEN, HANG }

    /** Keeps the RESULT line one line and readable even when the reason is an exception message. */
    private static final int MAX_REASON_LENGTH = 300;

    public Result {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(verdict, "verdict");
        reason = verdict == Verdict.OK ? "" : oneLine(reason);
    }

    public static Result ok(String sample) {
        return new Result(sample, Verdict.OK, "");
    }

    public static Result broken(String sample, String reason) {
        return new Result(sample, Verdict.BROKEN, reason);
    }

    public static Result hang(String sample, String detail) {
        return new Result(sample, Verdict.HANG, "hang: " + detail);
    }

    public boolean isOk() {
        return verdict == Verdict.OK;
    }

    /** A hang reads as BROKEN too: scripts that only look for OK need not know about hangs. */
    public String line() {
        return verdict == Verdict.OK ? "RESULT " + sample + " OK" : "RESULT " + sample + " BROKEN " + reason;
    }

    public int exitCode() {
        return switch (verdict) {
            case OK -> 0;
            case BROKEN -> 1;
            case HANG -> 3;
        };
    }

    private static String oneLine(String text) {
        String flat = (text == null || text.isBlank() ? "unspecified" : text).replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_REASON_LENGTH ? flat : flat.substring(0, MAX_REASON_LENGTH) + "...";
    }
}

package io.cacheguard.samples;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * How one run is played.
 *
 * @param variant which twin of the cache class to exercise
 * @param budget  how long to keep starting new rounds when nothing breaks; a racy map usually
 *                breaks long before, a correct one uses all of it
 * @param log     where the few informational lines before the verdict go
 */
public record RunOptions(Variant variant, Duration budget, PrintStream log) {

    /** Long enough for a racy map to break in most runs on two cores, short enough for CI. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(3);

    /** Overrides {@link #DEFAULT_BUDGET}, e.g. {@code -Dcacheguard.samples.budgetMillis=5000}. */
    public static final String BUDGET_PROPERTY = "cacheguard.samples.budgetMillis";

    public RunOptions {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(log, "log");
    }

    public static RunOptions fromSystemProperties(PrintStream log) {
        long millis = Long.getLong(BUDGET_PROPERTY, DEFAULT_BUDGET.toMillis());
        return new RunOptions(Variant.fromSystemProperties(), Duration.ofMillis(millis), log);
    }

    /** For tests: the informational lines are of no interest there, only the verdict. */
    public static RunOptions quiet(Variant variant, Duration budget) {
        return new RunOptions(variant, budget, new PrintStream(OutputStream.nullOutputStream()));
    }
}

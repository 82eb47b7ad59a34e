package io.cacheguard.samples.harness;

import io.cacheguard.samples.Result;
import java.time.Duration;

/**
 * Repeats a sample's round until something breaks or the budget is spent. A single round of a racy
 * map breaks only sometimes; many short rounds turn "sometimes" into "almost every run" without
 * making a correct map's run longer than the budget.
 */
public final class Rounds {

    /** One independent attempt; it reports violations rather than throwing them. */
    @FunctionalInterface
    public interface Round {
        void play() throws InterruptedException, HangDetected;
    }

    private int played;

    /** Plays at least one round, then more while nothing broke and the budget lasts. */
    public Result repeat(String sample, Duration budget, FirstViolation violations, Round round) {
        Deadline end = Deadline.after(budget);
        try {
            do {
                round.play();
                played++;
            } while (!violations.found() && !end.passed());
        } catch (HangDetected hang) {
            return Result.hang(sample, hang.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Result.broken(sample, "interrupted after " + played + " rounds");
        } catch (RuntimeException | Error thrown) {
            // The checking thread itself tripped over the corrupted map, e.g. while iterating it.
            violations.report(thrown);
        }
        return violations.found() ? Result.broken(sample, violations.reason()) : Result.ok(sample);
    }

    public int played() {
        return played;
    }
}

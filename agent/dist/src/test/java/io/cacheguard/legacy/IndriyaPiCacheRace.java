package io.cacheguard.legacy;

import java.math.BigDecimal;
import java.math.MathContext;
import javax.measure.UnitConverter;
import tech.units.indriya.function.Calculus;
import tech.units.indriya.function.MultiplyConverter;

/**
 * indriya issue #371 (https://github.com/unitsofmeasurement/indriya/issues/371), "Static piCache
 * hash map is not thread-safe", in indriya 2.1.3, the JSR 385 reference implementation:
 * {@code Calculus.piCache} is a {@code static final Map} holding a plain {@code HashMap}, filled by
 * {@code piCache.computeIfAbsent(numDigits, ...)} with no lock. Computing pi takes a while, and
 * {@code HashMap.computeIfAbsent} throws {@code ConcurrentModificationException} when another
 * thread changed the map meanwhile: two threads converting through pi for the first time at the
 * same precision both fail but one. 2.1.4 made the map a {@code ConcurrentHashMap}.
 *
 * <p>The map is private to {@code Calculus}; {@code Calculus.Pi} reaches it through the synthetic
 * accessor {@code access$000()}, so the analysis sees the map leave the class it lives in.
 *
 * <p>Each round sets a precision no round used before ({@code Calculus.MATH_CONTEXT}, public API),
 * so every worker's converter misses the cache at once, and four workers convert 1 through a fresh
 * {@code MultiplyConverter.ofPiExponent(1)} each. The fixed library guarantees: no exception, and
 * every worker gets pi to that precision.
 *
 * <p>Prints {@code RESULT indriya#371 OK} or {@code ... BROKEN <reason>}; exit 0, 1, or 3 on a hang.
 */
public final class IndriyaPiCacheRace {
    static final String NAME = "indriya#371";
    static final String PATCHED_FIELD = "tech.units.indriya.function.Calculus.piCache";

    private static final int WORKERS = 4;
    private static final int ROUNDS = 300;
    private static final long STALL_MILLIS = 10_000;
    /** Pi to 100 decimals, to check the first decimals of every answer. */
    private static final String PI =
            "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679";

    private IndriyaPiCacheRace() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            int digits = 40 + round;
            Calculus.MATH_CONTEXT = new MathContext(digits);
            Number[] answers = new Number[WORKERS];
            Round.Outcome outcome = Round.run(NAME, WORKERS, STALL_MILLIS, (worker, tick) -> {
                UnitConverter timesPi = MultiplyConverter.ofPiExponent(1);
                answers[worker] = timesPi.convert(BigDecimal.ONE);
                tick.run();
            });
            if (outcome.kind == Round.Kind.HUNG) {
                RaceResult.hung(NAME, outcome);
            } else if (outcome.kind == Round.Kind.FAILED) {
                RaceResult.broken(NAME, "round " + (round + 1) + " (" + digits + " digits): "
                        + RaceResult.describe(outcome.failure));
            }
            String wrong = wrongAnswer(answers, digits);
            if (wrong != null) {
                RaceResult.broken(NAME, "round " + (round + 1) + " (" + digits + " digits): " + wrong);
            }
        }
        System.out.println(ROUNDS + " rounds of " + WORKERS + " first conversions through pi in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        RaceResult.ok(NAME);
    }

    /** Why the round's answers are not all pi to {@code digits} decimals, or null when they are. */
    private static String wrongAnswer(Number[] answers, int digits) {
        String first = String.valueOf(answers[0]);
        for (Number answer : answers) {
            if (!first.equals(String.valueOf(answer))) {
                return "workers disagree: " + first + " and " + answer;
            }
        }
        if (!(answers[0] instanceof BigDecimal) || ((BigDecimal) answers[0]).scale() != digits) {
            return "not pi to " + digits + " decimals: " + first;
        }
        int checked = Math.min(PI.length(), first.length());
        if (!first.regionMatches(0, PI, 0, checked)) {
            return "not pi: " + first;
        }
        return null;
    }
}

package io.cacheguard.agent.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Optional size and time bounds for a guarded map, in Caffeine's spec syntax so users can paste
 * the form they already know: {@code maximumSize=10000,expireAfterWrite=10m,expireAfterAccess=5m}.
 * Durations are an integer followed by {@code d}, {@code h}, {@code m} or {@code s}, or an ISO-8601
 * duration such as {@code PT1M30S}. Read in the agent's loader, before anything is defined in the
 * bootstrap loader, so a mistake is refused while the JVM is still untouched; the runtime's
 * {@code CacheBounds} gets the numbers.
 *
 * @param maximumSize            the largest number of entries, or -1 for no limit
 * @param expireAfterWriteNanos  nanoseconds an entry lives after its last write, or -1 for forever
 * @param expireAfterAccessNanos nanoseconds an entry lives after its last read or write, or -1
 */
public record BoundsSpec(long maximumSize, long expireAfterWriteNanos, long expireAfterAccessNanos) {
    public static final BoundsSpec NONE = new BoundsSpec(-1, -1, -1);

    private static final String ACCEPTED =
            "accepted: maximumSize=<count>, expireAfterWrite=<duration>, expireAfterAccess=<duration>"
                    + " where a duration is e.g. 30s, 10m, 2h, 1d or ISO-8601 PT10M";

    /**
     * Parses a spec; an empty or blank spec means no bounds.
     *
     * @throws IllegalArgumentException naming the offending key and value and what is accepted
     */
    public static BoundsSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        BoundsSpec bounds = NONE;
        Set<String> seen = new HashSet<>();
        for (String part : spec.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bound '" + item + "' has no value; " + ACCEPTED);
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            bounds = bounds.with(key, value);
            if (!seen.add(key)) {
                // Caffeine rejects a repeated key too; silently keeping one of two limits hides a typo.
                throw new IllegalArgumentException("bound '" + key + "' is set twice (again as '" + item + "'); " + ACCEPTED);
            }
        }
        return bounds;
    }

    /** This spec with one more key set, as a {@code key=value} pair of the spec syntax. */
    public BoundsSpec with(String key, String value) {
        switch (key) {
            case "maximumSize":
                return new BoundsSpec(parseCount(key, value), expireAfterWriteNanos, expireAfterAccessNanos);
            case "expireAfterWrite":
                return new BoundsSpec(maximumSize, parseDuration(key, value), expireAfterAccessNanos);
            case "expireAfterAccess":
                return new BoundsSpec(maximumSize, expireAfterWriteNanos, parseDuration(key, value));
            default:
                throw new IllegalArgumentException("unknown bound '" + key + "' (in '" + key + "=" + value + "'); " + ACCEPTED);
        }
    }

    public boolean isUnbounded() {
        return maximumSize < 0 && expireAfterWriteNanos < 0 && expireAfterAccessNanos < 0;
    }

    private static long parseCount(String key, String value) {
        try {
            long count = Long.parseLong(value);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException(key + "='" + value + "' is not a non-negative integer; " + ACCEPTED);
    }

    private static long parseDuration(String key, String value) {
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                Duration d = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d.toNanos();
                }
            } else if (value.length() >= 2) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                if (amount >= 0) {
                    switch (value.charAt(value.length() - 1)) {
                        case 'd': return Duration.ofDays(amount).toNanos();
                        case 'h': return Duration.ofHours(amount).toNanos();
                        case 'm': return Duration.ofMinutes(amount).toNanos();
                        case 's': return Duration.ofSeconds(amount).toNanos();
                        default: break;
                    }
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException ignored) {
            // fall through to the one message below
        }
        throw new IllegalArgumentException(key + "='" + value + "' is not a duration; " + ACCEPTED);
    }

    /** The spec form, which {@link #parse} reads back to equal bounds. */
    @Override
    public String toString() {
        StringBuilder spec = new StringBuilder();
        if (maximumSize >= 0) {
            spec.append("maximumSize=").append(maximumSize);
        }
        appendDuration(spec, "expireAfterWrite", expireAfterWriteNanos);
        appendDuration(spec, "expireAfterAccess", expireAfterAccessNanos);
        return spec.toString();
    }

    private static void appendDuration(StringBuilder spec, String key, long nanos) {
        if (nanos < 0) {
            return;
        }
        if (spec.length() > 0) {
            spec.append(',');
        }
        spec.append(key).append('=').append(Duration.ofNanos(nanos));
    }
}

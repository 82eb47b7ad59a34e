package io.cacheguard.junit5;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The races reported while one test ran, from any thread. A racy loop reports the same pair of
 * accesses many times: each distinct race (same field, kind and two stacks, whatever the threads:
 * what the log reports once) is kept once, with the first report of it, in the order first seen,
 * with its count.
 */
final class TestRaces {
    /** Distinct reports in a failure message; the rest are only counted there (the log has them all). */
    static final int MAX_SHOWN = 5;

    private final String testName;
    private final Map<String, Seen> bySites = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Seen> order = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> unattributed = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    TestRaces(String testName) {
        this.testName = testName;
    }

    /** One distinct race report and how often it came. */
    private static final class Seen {
        final String field;
        final String kind;
        final String report;
        final AtomicLong count = new AtomicLong();

        Seen(String field, String kind, String report) {
            this.field = field;
            this.kind = kind;
            this.report = report;
        }
    }

    void race(String field, String kind, String sites, String report) {
        Seen seen = bySites.computeIfAbsent(sites, r -> {
            Seen s = new Seen(field, kind, report);
            order.add(s);
            return s;
        });
        seen.count.incrementAndGet();
    }

    void unattributed(String field) {
        unattributed.computeIfAbsent(field, f -> new LongAdder()).increment();
    }

    boolean running() {
        return running;
    }

    /** The test ended: races reported from now on go to the tests still running. */
    void finish() {
        running = false;
    }

    /** The failure message if any race fails the test under {@code options}. */
    Optional<String> failure(RaceOptions options) {
        List<Seen> failing = new ArrayList<>();
        long all = 0;
        for (Seen seen : order) {
            if (options.fails(seen.field, seen.kind)) {
                failing.add(seen);
                all += seen.count.get();
            }
        }
        List<String> counted = new ArrayList<>();
        long withoutStacks = 0;
        for (Map.Entry<String, LongAdder> e : unattributed.entrySet()) {
            if (options.failsUnattributed(e.getKey())) {
                counted.add(e.getValue().sum() + " on " + e.getKey());
                withoutStacks += e.getValue().sum();
            }
        }
        if (failing.isEmpty() && counted.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("cacheguard: ").append(all + withoutStacks)
                .append(all + withoutStacks == 1 ? " race" : " races").append(" while ").append(testName)
                .append(" ran");
        if (!failing.isEmpty()) {
            message.append(", ").append(failing.size()).append(" distinct:");
        }
        for (int i = 0; i < failing.size() && i < MAX_SHOWN; i++) {
            Seen seen = failing.get(i);
            message.append("\n\n").append(seen.report);
            if (seen.count.get() > 1) {
                message.append("\n  (").append(seen.count.get()).append(" times)");
            }
        }
        if (failing.size() > MAX_SHOWN) {
            message.append("\n\n... and ").append(failing.size() - MAX_SHOWN)
                    .append(" more distinct races: see the cacheguard log or report");
        }
        if (!counted.isEmpty()) {
            message.append("\n\nAlso counted, without their stacks (a map that races this often has only a sample"
                    + " of its races attributed): ").append(String.join(", ", counted));
        }
        return Optional.of(message.toString());
    }
}

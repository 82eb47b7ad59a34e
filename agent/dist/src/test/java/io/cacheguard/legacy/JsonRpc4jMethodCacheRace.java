package io.cacheguard.legacy;

import com.googlecode.jsonrpc4j.ReflectionUtil;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * jsonrpc4j issue #83 (https://github.com/briandilley/jsonrpc4j/issues/83), "Caches in
 * ReflectionUtil are not thread-safe", in jsonrpc4j 1.1: the four static caches of
 * {@code ReflectionUtil} ({@code methodCache}, {@code parameterTypeCache},
 * {@code methodAnnotationCache}, {@code methodParamAnnotationCache}) are plain {@code HashMap}s
 * declared as {@code Map}, read with {@code containsKey}/{@code get} and filled with {@code put}
 * with no lock, from every request thread of a JSON-RPC server. The report shows request threads
 * spinning in {@code HashMap.getEntry} on Java 7; since Java 8 a HashMap no longer links a cycle
 * on resize, and the same race loses entries instead. 1.2.0 made all four maps
 * {@code ConcurrentHashMap}s (pull request #84).
 *
 * <p>{@code findMethods(Class[], String)} is what the server calls with each request's method
 * name. Each round three workers look up two thousand method names no round used before, each name
 * by one worker, as clients calling distinct (here unknown) methods do; then every name is looked
 * up again. A cache that kept every entry answers the very set it handed out the first time; a
 * lost entry is computed afresh, so the second answer is a different instance.
 *
 * <p>The fixed library guarantees: no exception, no hang, no entry lost. Prints
 * {@code RESULT jsonrpc4j#83 OK} or {@code ... BROKEN <reason>}; exit 0, 1, or 3 on a hang.
 */
public final class JsonRpc4jMethodCacheRace {
    static final String NAME = "jsonrpc4j#83";
    static final Set<String> PATCHED_FIELDS = Set.of(
            "com.googlecode.jsonrpc4j.ReflectionUtil.methodCache",
            "com.googlecode.jsonrpc4j.ReflectionUtil.parameterTypeCache",
            "com.googlecode.jsonrpc4j.ReflectionUtil.methodAnnotationCache",
            "com.googlecode.jsonrpc4j.ReflectionUtil.methodParamAnnotationCache");

    private static final int WORKERS = 3;
    private static final int MAX_ROUNDS = 200;
    private static final long BUDGET_MILLIS = 8_000;
    private static final long STALL_MILLIS = 5_000;
    private static final int NAMES_PER_ROUND = 2_000;

    /** The service a server would expose; its real methods are never asked for. */
    public interface Calculator {
        int add(int a, int b);

        int negate(int a);
    }

    private JsonRpc4jMethodCacheRace() {
    }

    public static void main(String[] args) throws Exception {
        Class<?>[] services = {Calculator.class};
        long start = System.nanoTime();
        int rounds = 0;
        while (rounds < MAX_ROUNDS && (System.nanoTime() - start) / 1_000_000 < BUDGET_MILLIS) {
            String[] names = new String[NAMES_PER_ROUND];
            for (int i = 0; i < names.length; i++) {
                names[i] = "round" + rounds + "Method" + i;
            }
            Object[] firstAnswers = new Object[names.length];
            Round.Outcome outcome = Round.run(NAME, WORKERS, STALL_MILLIS, (worker, tick) -> {
                for (int i = worker; i < names.length; i += WORKERS) {
                    Set<Method> methods = ReflectionUtil.findMethods(services, names[i]);
                    if (!methods.isEmpty()) {
                        throw new AssertionError("findMethods found " + methods + " for " + names[i]);
                    }
                    firstAnswers[i] = methods;
                    tick.run();
                }
            });
            rounds++;
            if (outcome.kind == Round.Kind.HUNG) {
                RaceResult.hung(NAME, outcome);
            } else if (outcome.kind == Round.Kind.FAILED) {
                RaceResult.broken(NAME, "round " + rounds + ": " + RaceResult.describe(outcome.failure));
            }
            int lost = 0;
            String firstLost = null;
            for (int i = 0; i < names.length; i++) {
                if (ReflectionUtil.findMethods(services, names[i]) != firstAnswers[i]) {
                    lost++;
                    firstLost = firstLost == null ? names[i] : firstLost;
                }
            }
            if (lost > 0) {
                RaceResult.broken(NAME, "round " + rounds + ": the method cache lost " + lost + " of "
                        + names.length + " entries put in the round (first: " + firstLost + ")");
            }
        }
        System.out.println(rounds + " rounds of " + WORKERS + " threads x " + NAMES_PER_ROUND / WORKERS
                + " new method names in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        RaceResult.ok(NAME);
    }
}

package io.cacheguard.legacy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * BEANUTILS-318 (https://issues.apache.org/jira/browse/BEANUTILS-318), "Many threads are stuck in
 * infinite loops in MethodUtils because static WeakHashMap is not thread safe", in Commons
 * BeanUtils 1.7.0: {@code MethodUtils.cache} is a {@code static WeakHashMap} that
 * {@code getAccessibleMethod(Class, String, Class[])} reads and fills with no lock. Two threads
 * resizing it at once can link a bucket chain into a cycle, and every later lookup in that bucket
 * spins forever. (1.8.0 swapped in its own WeakFastHashMap, still racy, BEANUTILS-373; 1.8.3
 * wrapped the map in {@code Collections.synchronizedMap}.)
 *
 * <p>Each round loads a fresh copy of BeanUtils (as each redeployment of a web application does),
 * so {@code MethodUtils.cache} starts empty and must grow through all its resizes while three
 * threads look up a thousand distinct public JDK methods through the public API. The keys hash by
 * method-name length only, so the map's chains are long and a resize has much to relink. Commons
 * Logging, which BeanUtils logs through, is shared by all rounds.
 *
 * <p>The fixed library guarantees: every lookup returns that method, no thread hangs. Prints
 * {@code RESULT BEANUTILS-318 OK} or {@code ... BROKEN <reason>}; exit 0, 1, or 3 on a hang.
 */
public final class BeanUtilsMethodCacheRace {
    static final String NAME = "BEANUTILS-318";
    static final String PATCHED_FIELD = "org.apache.commons.beanutils.MethodUtils.cache";

    private static final int WORKERS = 3;
    private static final int MAX_ROUNDS = 250;
    private static final long BUDGET_MILLIS = 8_000;
    private static final long STALL_MILLIS = 3_000;
    private static final int LOOKUPS_PER_ROUND = 1_000;
    private static final Class<?>[] OWNERS = {
        String.class, StringBuilder.class, StringBuffer.class, ArrayList.class, java.util.LinkedList.class,
        java.util.HashMap.class, java.util.TreeMap.class, Integer.class, Long.class, Double.class,
        Character.class, Math.class, Collections.class, Arrays.class, Thread.class, Object.class,
        java.io.File.class, java.math.BigInteger.class, java.math.BigDecimal.class,
        java.util.concurrent.ConcurrentHashMap.class, java.util.BitSet.class, Random.class,
        java.util.Calendar.class, java.util.Date.class, Class.class, System.class,
    };

    private BeanUtilsMethodCacheRace() {
    }

    public static void main(String[] args) throws Exception {
        URL beanutils = FreshLibraryLoader.jarOf("org/apache/commons/beanutils/MethodUtils.class");
        List<Method> methods = publicMethods();
        ClassLoader parent = BeanUtilsMethodCacheRace.class.getClassLoader();
        long start = System.nanoTime();
        int rounds = 0;
        while (rounds < MAX_ROUNDS && (System.nanoTime() - start) / 1_000_000 < BUDGET_MILLIS) {
            List<Method> lookups = new ArrayList<>(methods);
            Collections.shuffle(lookups, new Random(rounds));
            List<Method> round = lookups.subList(0, Math.min(LOOKUPS_PER_ROUND, lookups.size()));
            try (FreshLibraryLoader loader =
                         new FreshLibraryLoader(beanutils, "org.apache.commons.beanutils.", parent)) {
                Method getAccessibleMethod = loader.loadClass("org.apache.commons.beanutils.MethodUtils")
                        .getMethod("getAccessibleMethod", Class.class, String.class, Class[].class);
                Round.Outcome outcome = Round.run(NAME, WORKERS, STALL_MILLIS, (worker, tick) -> {
                    for (int i = worker; i < round.size(); i += WORKERS) {
                        Method wanted = round.get(i);
                        Object found = getAccessibleMethod.invoke(null, wanted.getDeclaringClass(), wanted.getName(),
                                wanted.getParameterTypes());
                        if (!wanted.equals(found)) {
                            throw new AssertionError("getAccessibleMethod answered " + found + " for " + wanted);
                        }
                        tick.run();
                    }
                });
                rounds++;
                if (outcome.kind == Round.Kind.HUNG) {
                    System.out.println("round " + rounds + " of a fresh MethodUtils.cache");
                    RaceResult.hung(NAME, outcome);
                } else if (outcome.kind == Round.Kind.FAILED) {
                    RaceResult.broken(NAME, "round " + rounds + ": " + RaceResult.describe(outcome.failure));
                }
            }
        }
        System.out.println(rounds + " rounds of " + WORKERS + " threads x " + LOOKUPS_PER_ROUND + " lookups in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        RaceResult.ok(NAME);
    }

    /**
     * Public methods declared by public JDK classes, as {@code Class.getMethod} resolves them: what
     * getAccessibleMethod must answer. Bridges are left out, since a lookup by parameter types
     * resolves to the covariant method, not to its bridge.
     */
    private static List<Method> publicMethods() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> owner : OWNERS) {
            for (Method method : owner.getMethods()) {
                if (method.getDeclaringClass() == owner && !method.isBridge()
                        && Modifier.isPublic(owner.getModifiers())) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }
}

package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The textbook memo: a static final HashMap, get, compute on a miss, put. Any thread may call
 * it; the put holds no lock: patch.
 */
public final class FibonacciMemo {

    @Expect(value = PATCH, reason = "holds no lock")
    private static final Map<Integer, BigInteger> MEMO = new HashMap<>();

    private FibonacciMemo() {
    }

    public static BigInteger fibonacci(int n) {
        if (n < 2) {
            return BigInteger.valueOf(n);
        }
        BigInteger cached = MEMO.get(n);
        if (cached != null) {
            return cached;
        }
        BigInteger value = fibonacci(n - 1).add(fibonacci(n - 2));
        MEMO.put(n, value);
        return value;
    }
}

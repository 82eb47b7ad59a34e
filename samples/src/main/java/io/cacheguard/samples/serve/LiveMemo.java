package io.cacheguard.samples.serve;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@code static final HashMap} memo written by several request threads without a lock: entries
 * are computed and remembered, and forgotten when their data goes stale. Deliberately wrong, and
 * the class {@link ServeLoop} keeps running while cacheguard is attached to it.
 */
public final class LiveMemo {
    private static final Map<Integer, String> MEMO = new HashMap<>();

    private LiveMemo() {
    }

    static String valueOf(int key) {
        return "v" + key;
    }

    /** Get-then-put, the usual memo. */
    public static String lookup(int key) {
        String value = MEMO.get(key);
        if (value == null) {
            value = valueOf(key);
            MEMO.put(key, value);
        }
        return value;
    }

    public static void forget(int key) {
        MEMO.remove(key);
    }

    public static String peek(int key) {
        return MEMO.get(key);
    }

    public static int size() {
        return MEMO.size();
    }

    public static void clear() {
        MEMO.clear();
    }

    /** The class of the map the field holds as this class sees it: a guard once cacheguard is attached. */
    public static String mapType() {
        return MEMO.getClass().getName();
    }
}

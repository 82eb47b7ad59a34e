package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Issue 14 item 3: locks held by the caller. Protected helpers ({@code getWithoutLock},
 * {@code putWithoutLock}) run with what their callers in the class hold. {@code guarded}'s helpers
 * are only ever called under {@code lock}: safe (before: patch, a protected method was taken to
 * run with no lock). {@code entries}' helpers are called under {@code lock} too, except the first,
 * double-checked read in {@code get}: patch, and the reason names that call, not only the helper.
 */
public class HelpersUnderCallerLock {
    private final Object lock = new Object();

    @Expect(value = PATCH, reason = "when called from get(String) at HelpersUnderCallerLock.java:")
    private final Map<String, Object> entries = new HashMap<>();

    @Expect(value = SAFE, reason = "every access holds 'lock'")
    private final Map<String, Object> guarded = new HashMap<>();

    public Object get(String key) {
        Object value = getWithoutLock(key);
        if (value != null) {
            return value;
        }
        synchronized (lock) {
            value = getWithoutLock(key);
            if (value == null) {
                value = key.trim();
                putWithoutLock(key, value);
            }
            return value;
        }
    }

    protected Object getWithoutLock(String key) {
        return entries.get(key);
    }

    protected void putWithoutLock(String key, Object value) {
        entries.put(key, value);
    }

    public Object lookup(String key) {
        synchronized (lock) {
            Object value = guardedGet(key);
            if (value == null) {
                value = key.trim();
                guardedPut(key, value);
            }
            return value;
        }
    }

    protected Object guardedGet(String key) {
        return guarded.get(key);
    }

    protected void guardedPut(String key, Object value) {
        guarded.put(key, value);
    }
}

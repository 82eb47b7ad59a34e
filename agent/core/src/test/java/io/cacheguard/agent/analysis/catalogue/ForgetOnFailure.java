package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two exception paths. The inner catch forgets the attempt while the lock is still held: safe. The
 * outer catch forgets the result after the finally has released the lock: patch.
 */
public final class ForgetOnFailure {

    @Expect(SAFE)
    private final Map<String, Integer> attempts = new HashMap<>();

    @Expect(PATCH)
    private final Map<String, byte[]> results = new HashMap<>();

    private final Lock lock = new ReentrantLock();

    public byte[] fetch(String url) {
        try {
            lock.lock();
            try {
                attempts.merge(url, 1, Integer::sum);
                byte[] body = download(url);
                results.put(url, body);
                return body;
            } catch (UncheckedIOException e) {
                attempts.remove(url);
                throw e;
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            results.remove(url);
            return null;
        }
    }

    public byte[] cached(String url) {
        lock.lock();
        try {
            return results.get(url);
        } finally {
            lock.unlock();
        }
    }

    public int attempts(String url) {
        lock.lock();
        try {
            return attempts.getOrDefault(url, 0);
        } finally {
            lock.unlock();
        }
    }

    private static byte[] download(String url) {
        if (url.isEmpty()) {
            throw new UncheckedIOException(new IOException("no url"));
        }
        return url.getBytes(StandardCharsets.UTF_8);
    }
}

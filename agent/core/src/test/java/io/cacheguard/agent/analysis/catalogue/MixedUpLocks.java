package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Two maps, two read-write locks, and one copy-paste slip: {@code user} reads {@link #users} under
 * the read lock of {@code groupsLock}. {@link #groups} is ordered by its own lock: safe. A read lock
 * of one lock and the write lock of another exclude nothing for {@link #users}: patch.
 */
public final class MixedUpLocks {

    @Expect(PATCH)
    private final Map<String, String> users = new HashMap<>();

    @Expect(SAFE)
    private final Map<String, String> groups = new HashMap<>();

    private final ReentrantReadWriteLock usersLock = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock groupsLock = new ReentrantReadWriteLock();

    public void addUser(String id, String name) {
        usersLock.writeLock().lock();
        try {
            users.put(id, name);
        } finally {
            usersLock.writeLock().unlock();
        }
    }

    public String user(String id) {
        groupsLock.readLock().lock();
        try {
            return users.get(id);
        } finally {
            groupsLock.readLock().unlock();
        }
    }

    public void addGroup(String id, String name) {
        groupsLock.writeLock().lock();
        try {
            groups.put(id, name);
        } finally {
            groupsLock.writeLock().unlock();
        }
    }

    public String group(String id) {
        groupsLock.readLock().lock();
        try {
            return groups.get(id);
        } finally {
            groupsLock.readLock().unlock();
        }
    }
}

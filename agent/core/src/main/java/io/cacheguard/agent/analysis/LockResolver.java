package io.cacheguard.agent.analysis;

import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/** Recognises lock operations and names the lock a value stands for. */
final class LockResolver {
    private static final String STAMPED = "java/util/concurrent/locks/StampedLock";

    /** Fields that hold one side of a read-write lock ({@code readLock = rw.readLock()}): owner.name → that side. */
    private final Map<String, LockId> sideFields;

    LockResolver(Map<String, LockId> sideFields) {
        this.sideFields = sideFields;
    }

    private static boolean isLockType(String owner) {
        return owner.startsWith("java/util/concurrent/locks/") || owner.endsWith("Lock");
    }

    boolean isAcquire(MethodInsnNode call) {
        return (call.name.equals("lock") || call.name.equals("lockInterruptibly")) && call.desc.equals("()V")
                && isLockType(call.owner);
    }

    boolean isRelease(MethodInsnNode call) {
        return call.name.equals("unlock") && call.desc.equals("()V") && isLockType(call.owner);
    }

    boolean isTryLock(MethodInsnNode call) {
        return call.name.equals("tryLock") && Type.getReturnType(call.desc) == Type.BOOLEAN_TYPE
                && isLockType(call.owner);
    }

    boolean isStampedAcquire(MethodInsnNode call) {
        return call.owner.equals(STAMPED) && (call.name.equals("writeLock") || call.name.equals("readLock")
                || call.name.equals("writeLockInterruptibly") || call.name.equals("readLockInterruptibly"));
    }

    boolean isStampedRelease(MethodInsnNode call) {
        return call.owner.equals(STAMPED)
                && (call.name.equals("unlockWrite") || call.name.equals("unlockRead") || call.name.equals("unlock"));
    }

    /** The lock a {@code Lock}/{@code StampedLock} call on {@code receiver} takes or releases. */
    LockId lockOf(OriginValue receiver, MethodInsnNode call) {
        LockId lock = identify(receiver, LockId.Mode.EXCLUSIVE);
        if (lock == null || !call.owner.equals(STAMPED)) {
            return lock;
        }
        return lock.withMode(call.name.startsWith("read") || call.name.equals("unlockRead")
                ? LockId.Mode.READ : LockId.Mode.WRITE);
    }

    /** The monitor of {@code object}. */
    LockId monitorOf(OriginValue object) {
        LockId lock = identify(object, LockId.Mode.MONITOR);
        return lock == null ? new LockId(LockId.Mode.MONITOR, "unknown:" + object.origins, "an unknown object") : lock;
    }

    /** The monitor a synchronized method holds. */
    static LockId methodMonitor(String owner, boolean isStatic) {
        return isStatic
                ? new LockId(LockId.Mode.MONITOR, "class:" + owner, "'" + simpleName(owner) + ".class'")
                : new LockId(LockId.Mode.MONITOR, "this:" + owner, "'" + qualifiedThis(owner) + "'");
    }

    private LockId identify(OriginValue value, LockId.Mode mode) {
        LockId found = null;
        for (Origin origin : value.origins) {
            LockId lock = identify(origin, mode);
            if (lock == null || (found != null && !found.equals(lock))) {
                return null; // no single identity: the lock guards nothing we can name
            }
            found = lock;
        }
        return found;
    }

    private LockId identify(Origin origin, LockId.Mode mode) {
        switch (origin.kind) {
            case THIS:
                return methodMonitor(origin.owner, false).withMode(mode);
            case CLASS_CONSTANT:
                return methodMonitor(origin.owner, true).withMode(mode);
            case FIELD: {
                String target = "field:" + origin.owner + "." + origin.name;
                String shownAs = "'" + origin.name + "'";
                if (origin.role == Origin.Role.READ_LOCK) {
                    return new LockId(LockId.Mode.READ, target, shownAs);
                }
                if (origin.role == Origin.Role.WRITE_LOCK) {
                    return new LockId(LockId.Mode.WRITE, target, shownAs);
                }
                if (origin.role != Origin.Role.VALUE) {
                    return null;
                }
                LockId side = sideFields.get(origin.owner + "." + origin.name);
                if (side != null && mode != LockId.Mode.MONITOR) {
                    return side;
                }
                return new LockId(mode, target, shownAs);
            }
            case PARAMETER:
                // Each caller may pass a different object (synchronized (key) with the key being
                // looked up): a parameter names no lock that all accesses can share.
                return null;
            case CALL:
                return new LockId(mode, "call:" + origin.owner + "." + origin.name, "'" + origin.name + "()'");
            default:
                return null;
        }
    }

    /** {@code this} for a top-level class, {@code Inner.this} for a nested one, as Java writes it. */
    private static String qualifiedThis(String owner) {
        return owner.indexOf('$') < 0 ? "this" : simpleName(owner) + ".this";
    }

    static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}

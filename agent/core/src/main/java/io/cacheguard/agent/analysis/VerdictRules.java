package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldNode;

/** Turns the uses of one map field into its verdict and the reasons that decided it. */
final class VerdictRules {
    private final String className;
    private final String sourceFile;

    VerdictRules(String className, String sourceFile) {
        this.className = className;
        this.sourceFile = sourceFile;
    }

    FieldReport threadLocal(FieldNode field) {
        return report(field, Set.of(), Verdict.SAFE, List.of(Reason.general(
                "ThreadLocal confinement: each thread has its own map")));
    }

    /** @param reach who else uses a package-private or protected field, when the whole program shows it; or null */
    FieldReport decide(FieldNode field, List<AssignedValue> assigned, List<FieldUse> uses, String failure,
                       FieldReach reach) {
        String declared = Type.getType(field.desc).getInternalName();
        Set<String> assignedTypes = assigned.stream().filter(v -> !v.isNull).map(v -> v.description)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String declaredName = declared.replace('/', '.');
        if (MapTypes.THREAD_SAFE_TYPES.contains(declared)) {
            return report(field, assignedTypes, Verdict.SAFE, List.of(Reason.general(
                    "declared as " + declaredName + ", already a thread-safe map type")));
        }
        if (!MapTypes.WRAPPABLE.contains(declared)) {
            if (MapTypes.isJdkOwner(declared)) {
                return report(field, assignedTypes, Verdict.SKIP, List.of(Reason.general(
                        "declared type " + declaredName + " cannot take a wrapper")));
            }
            return ownMapClass(decideWrappable(field, assigned, uses, failure, assignedTypes, reach), declaredName);
        }
        return decideWrappable(field, assigned, uses, failure, assignedTypes, reach);
    }

    /**
     * An instance map of a class whose objects serve one operation at a time ({@link OperationState}):
     * the accesses that would race if an object were shared are kept as the second reason, so the
     * verdict can be checked against them.
     */
    FieldReport confinedWithItsObject(FieldNode field, FieldReport wouldPatch, OperationState.Evidence evidence) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        Reason confinement = new Reason(evidence.method(), evidence.line(), null, null, "confined with its object: "
                + simpleName + " keeps the state of a running operation in its own fields (" + evidence.describe()
                + ") and synchronizes nowhere, so each instance serves one thread at a time, and its maps with it");
        Reason ifShared = Reason.general("would race only on an instance shared against that design: "
                + wouldPatch.reasons().get(0).message());
        return report(field, wouldPatch.assignedTypes(), Verdict.SAFE, List.of(confinement, ifShared));
    }

    /**
     * A field declared as the application's own HashMap, LinkedHashMap or WeakHashMap subclass: no
     * wrapper is one, so a racy one has that class made safe in itself instead.
     */
    private static FieldReport ownMapClass(FieldReport byUses, String declaredName) {
        if (byUses.verdict() != Verdict.PATCH) {
            return byUses;
        }
        return byUses.guardingOwnMapClass(Reason.general("declared as " + declaredName + ", the application's own"
                + " map class, which no wrapper can stand in for: " + declaredName + " itself is guarded when it loads"
                + " (every operation of an instance on the instance's monitor)"));
    }

    private FieldReport decideWrappable(FieldNode field, List<AssignedValue> assigned, List<FieldUse> uses,
                                        String failure, Set<String> assignedTypes, FieldReach reach) {
        if (failure != null) {
            return report(field, assignedTypes, Verdict.SKIP, List.of(Reason.general(failure)));
        }
        List<AssignedValue> maps = assigned.stream().filter(v -> !v.isNull).collect(Collectors.toList());
        if (!maps.isEmpty() && maps.stream().allMatch(v -> v.threadSafe)) {
            return report(field, assignedTypes, Verdict.SAFE, List.of(Reason.general(
                    "already a thread-safe map: only " + String.join(", ", assignedTypes) + " is stored in it")));
        }
        if (!maps.isEmpty() && maps.stream().allMatch(v -> v.unwrappable || v.threadSafe)) {
            // One verdict here rather than a patch the agent then skips at run time, value by value.
            return report(field, assignedTypes, Verdict.SKIP, List.of(Reason.general(
                    "only ever holds " + String.join(", ", assignedTypes) + ", which no wrapper can stand in for"
                            + " (not a HashMap, LinkedHashMap or WeakHashMap): left as it is")));
        }
        boolean accessOrdered = maps.stream().anyMatch(v -> v.accessOrdered);
        FieldReport byUses = lockVerdict(field, assignedTypes, afterInit(uses, accessOrdered));
        if (byUses.verdict() == Verdict.SAFE && (field.access & Opcodes.ACC_PRIVATE) == 0) {
            if (reach != null && reach.seesEveryUse()) {
                // The scan holds every class that can use it, and their uses were judged with the owner's.
                List<Reason> reasons = new ArrayList<>(byUses.reasons());
                reasons.add(Reason.general(reach.reason(visibility(field.access))));
                return report(field, assignedTypes, Verdict.SAFE, reasons);
            }
            if (reach != null) {
                String namer = reach.namedBy.get(0);
                return report(field, assignedTypes, Verdict.PATCH, List.of(Reason.general(
                        "the field is " + visibility(field.access) + " and " + namer.replace('/', '.')
                                + " names it in a string (reflection or a dynamic language), a use the analysis cannot"
                                + " follow (here: " + byUses.reasons().get(0).message() + ")")));
            }
            // Other classes can read and write it, and this class alone says nothing about how.
            return report(field, assignedTypes, Verdict.PATCH, List.of(Reason.general(
                    "the field is " + visibility(field.access) + ": code in other classes can use the map without"
                            + " the lock this class holds (here: " + byUses.reasons().get(0).message() + ")")));
        }
        return byUses;
    }

    private static String visibility(int access) {
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return "public";
        }
        return (access & Opcodes.ACC_PROTECTED) != 0 ? "protected" : "package-private";
    }

    /** The uses that can race: everything after initialisation, with reordering reads counted as writes. */
    private static List<FieldUse> afterInit(List<FieldUse> uses, boolean accessOrdered) {
        List<FieldUse> result = new ArrayList<>();
        for (FieldUse use : uses) {
            if (use.duringInit) {
                continue;
            }
            if (accessOrdered && use.access == Access.READ
                    && (use.operation.equals("get") || use.operation.equals("getOrDefault"))) {
                use = new FieldUse(use.field, Access.WRITE, use.operation + " (reorders an access-ordered map)",
                        use.method, use.where, use.locks, false);
            }
            result.add(use);
        }
        return result;
    }

    /**
     * Content and reference are judged apart: a put, a clear or an iterator's remove changes the
     * map, and must hold the lock its readers hold; an assignment of a whole map (or null) to the
     * field changes only which map readers find, and needs only to publish it safely.
     */
    private FieldReport lockVerdict(FieldNode field, Set<String> assignedTypes, List<FieldUse> uses) {
        boolean isVolatile = (field.access & Opcodes.ACC_VOLATILE) != 0;
        List<FieldUse> writes = of(uses, Access.WRITE);
        List<FieldUse> escapes = of(uses, Access.ESCAPE);
        List<FieldUse> assigns = of(uses, Access.ASSIGN);
        List<FieldUse> reads = of(uses, Access.READ);

        if (writes.isEmpty() && escapes.isEmpty() && assigns.isEmpty()) {
            return report(field, assignedTypes, Verdict.SAFE, List.of(Reason.general(
                    "written only in <init>/<clinit> and never after: read-only once published"
                            + (reads.isEmpty() ? "" : " (" + reads.size() + " later reads)"))));
        }
        if (writes.isEmpty() && escapes.isEmpty() && isVolatile) {
            return report(field, assignedTypes, Verdict.SAFE, List.of(assigns.get(0).reason(
                    "copy-on-write: the map is only changed before it is published through the volatile field ("
                            + assigns.get(0).site() + ")")));
        }
        for (FieldUse write : writes) {
            if (holdsOnlyReadLock(write)) {
                return report(field, assignedTypes, Verdict.PATCH, List.of(write.reason(
                        write.site() + " holds only " + write.locks.describe()
                                + "; a write needs the write lock, other readers run at the same time")));
            }
        }
        for (FieldUse write : writes) {
            if (write.locks.isEmpty()) {
                return report(field, assignedTypes, Verdict.PATCH, List.of(write.reason(
                        write.site() + " holds no lock" + write.failingCaller(locks -> !locks.isEmpty())
                                + others(writes, write))));
            }
            if (guards(write).isEmpty()) {
                return report(field, assignedTypes, Verdict.PATCH, List.of(write.reason(
                        write.site() + " holds only the monitor of " + write.locks.describe()
                                + ", which may be a different object at each call and orders nothing")));
            }
        }
        if (!escapes.isEmpty()) {
            FieldUse escape = escapes.get(0);
            return report(field, assignedTypes, Verdict.PATCH, List.of(escape.reason(
                    "escapes: " + escape.site() + "; code the analysis cannot see may use it without a lock")));
        }
        List<FieldUse> content = new ArrayList<>(writes);
        content.addAll(reads);
        String common = commonGuard(content);
        if (!writes.isEmpty() && common == null) {
            FieldUse write = writes.get(0);
            FieldUse other = conflicting(content, write);
            Set<String> writeGuards = guards(write);
            String where = other.failingCaller(locks -> holdsAny(locks, writeGuards));
            return report(field, assignedTypes, Verdict.PATCH, List.of(write.reason(
                    "inconsistent synchronization: " + write.site() + " holds " + write.locks.describe() + "; "
                            + other.site() + " holds " + other.locks.describe() + where),
                    other.reason(other + where)));
        }
        if (!isVolatile) {
            FieldUse unsafe = unsafePublication(assigns, reads);
            if (unsafe != null) {
                FieldUse reader = conflicting(reads, unsafe);
                return report(field, assignedTypes, Verdict.PATCH, List.of(unsafe.reason(
                        "unsafe publication: " + unsafe.site() + " holds " + unsafe.locks.describe()
                                + " and stores a map that may already hold entries into a field that is not volatile; "
                                + reader.site() + " holds " + reader.locks.describe()
                                + ", so it may see the new map before its entries"), reader.reason(reader.toString())));
            }
        }
        List<Reason> reasons = new ArrayList<>();
        if (!writes.isEmpty()) {
            FieldUse first = writes.get(0);
            reasons.add(first.reason("every access holds " + guardName(first, common) + " (" + writes.size()
                    + " writes, " + reads.size() + " reads)"));
        } else {
            reasons.add(Reason.general("the map is never changed once stored in the field (" + reads.size()
                    + " later reads)"));
        }
        if (!assigns.isEmpty()) {
            FieldUse assign = assigns.get(0);
            reasons.add(assign.reason("assignments of a whole map are publication, not changes of the map's entries ("
                    + assign.site() + (assigns.size() > 1 ? " and " + (assigns.size() - 1) + " more" : "") + ")"));
        }
        return report(field, assignedTypes, Verdict.SAFE, reasons);
    }

    /** The guard key every one of {@code uses} holds, or null when there is none (or no use). */
    private static String commonGuard(List<FieldUse> uses) {
        Set<String> common = null;
        for (FieldUse use : uses) {
            Set<String> guards = guards(use);
            if (common == null) {
                common = guards;
            } else {
                common.retainAll(guards);
            }
        }
        return common == null || common.isEmpty() ? null : common.iterator().next();
    }

    /**
     * An assignment of a map that may hold entries, made without a guard some read also holds:
     * without a volatile field or a common lock, the read may see the reference before the entries.
     */
    private static FieldUse unsafePublication(List<FieldUse> assigns, List<FieldUse> reads) {
        for (FieldUse assign : assigns) {
            if (!assign.publishesEntries) {
                continue;
            }
            Set<String> assignGuards = guards(assign);
            for (FieldUse read : reads) {
                Set<String> shared = guards(read);
                shared.retainAll(assignGuards);
                if (shared.isEmpty()) {
                    return assign;
                }
            }
        }
        return null;
    }

    private static List<FieldUse> of(List<FieldUse> uses, Access access) {
        return uses.stream().filter(u -> u.access == access).collect(Collectors.toList());
    }

    /** A write whose only protection is the read side of a read-write lock: readers run beside it. */
    private static boolean holdsOnlyReadLock(FieldUse write) {
        boolean readSide = false;
        for (LockId lock : write.locks.locks()) {
            if (lock.mode == LockId.Mode.READ) {
                readSide = true;
            } else {
                return false;
            }
        }
        return readSide;
    }

    /** Whether a caller's lock set holds one of {@code guards} (named locks only, in any mode). */
    private static boolean holdsAny(LockSet locks, Set<String> guards) {
        for (LockId lock : locks.locks()) {
            if (lock.isNamed() && guards.contains(lock.guardKey())) {
                return true;
            }
        }
        return false;
    }

    /** The guard keys an access holds; a read-write lock counts for a write only in write mode. */
    private static Set<String> guards(FieldUse use) {
        Set<String> keys = new LinkedHashSet<>();
        boolean isWrite = use.access != Access.READ;
        for (LockId lock : use.locks.locks()) {
            // A monitor the analysis cannot name (a parameter, an element looked up) may be a
            // different object at each access: it orders nothing.
            if ((!isWrite || lock.mode != LockId.Mode.READ) && lock.isNamed()) {
                keys.add(lock.guardKey());
            }
        }
        return keys;
    }

    private static String guardName(FieldUse use, String key) {
        for (LockId lock : use.locks.locks()) {
            if (lock.guardKey().equals(key)) {
                return lock.isReadWrite() ? "the read-write lock " + lock.describe().replaceFirst("^the \\w+ lock of ", "")
                        : lock.describe();
            }
        }
        return key;
    }

    /** An access that shares no guard with {@code write}, to show the other side of the race. */
    private static FieldUse conflicting(List<FieldUse> all, FieldUse write) {
        Set<String> writeGuards = guards(write);
        for (FieldUse use : all) {
            Set<String> guards = guards(use);
            guards.retainAll(writeGuards);
            if (guards.isEmpty()) {
                return use;
            }
        }
        return all.get(all.size() - 1);
    }

    /** {@code ; write at :63 holds 'this'} for the other locked writes, or nothing. */
    private static String others(List<FieldUse> writes, FieldUse except) {
        List<String> locked = new ArrayList<>();
        String locks = null;
        for (FieldUse write : writes) {
            if (write != except && !write.locks.isEmpty()) {
                String site = write.shortSite();
                if (!locked.contains(site)) {
                    locked.add(site);
                }
                locks = write.locks.describe();
            }
        }
        if (locked.isEmpty()) {
            return "";
        }
        return (locked.size() == 1 ? "; write at " : "; writes at ") + String.join(", ", locked)
                + (locked.size() == 1 ? " holds " : " hold ") + locks;
    }

    private FieldReport report(FieldNode field, Set<String> assignedTypes, Verdict verdict, List<Reason> reasons) {
        return new FieldReport(className, sourceFile, field.name, (field.access & Opcodes.ACC_STATIC) != 0,
                Type.getType(field.desc).getClassName(), assignedTypes, verdict, reasons);
    }
}

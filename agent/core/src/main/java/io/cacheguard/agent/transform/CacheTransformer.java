package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.analysis.ClassPreFilter;
import io.cacheguard.agent.config.AgentOptions;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The agent's one transformer. For each class a loader defines: skip it cheaply unless it may
 * touch a map field; decide which cache fields to patch (its own, and those of other classes it
 * stores into or reads); rewrite those accesses. Any failure leaves the class exactly as it was
 * and is reported: the host never sees an exception of ours.
 */
public final class CacheTransformer implements ClassFileTransformer {
    /** What the transformer tells the agent. */
    public interface Events extends DecisionCache.Listener {
        /** A class was rewritten: accesses to patched fields, synchronization the detector sees, or both. */
        void transformed(String className);

        void transformFailed(String className, Throwable error);

        /** The application's own map class was made safe in itself as it loaded (see {@link MapSubclassGuard}). */
        default void mapClassGuarded(String className) {
        }
    }

    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final AgentOptions options;
    private final CacheSelector selector;
    private final DecisionCache decisions;
    private final Events events;
    private final TransformStats stats = new TransformStats();
    /** The application's own map classes guarded in themselves (asked for only in the modes that guard). */
    private final SubclassGuards subclassGuards;
    /** The jars other agents run from: their classes are left alone unless {@code includes} names them. */
    private final OtherAgentJars otherAgents;
    /** Whether fields are guarded (modes patch, both) or only watched (mode detect). */
    private final boolean guard;
    /** Whether synchronization is made visible to the race detector (modes detect, both). */
    private final boolean syncHooks;

    /** A transformer for a JVM in which no class is loaded yet that it could be asked to guard in itself. */
    public CacheTransformer(AgentOptions options, CacheSelector selector, Events events) {
        this(options, selector, events, new SubclassGuards(className -> false));
    }

    /** @param subclassGuards the session's map classes guarded in themselves, shared by its transformers */
    public CacheTransformer(AgentOptions options, CacheSelector selector, Events events, SubclassGuards subclassGuards) {
        this(options, selector, events, subclassGuards, OtherAgentJars.NONE);
    }

    /** @param otherAgents the jars of the other agents in this JVM */
    public CacheTransformer(AgentOptions options, CacheSelector selector, Events events, SubclassGuards subclassGuards,
                            OtherAgentJars otherAgents) {
        this.options = options;
        this.otherAgents = otherAgents;
        this.selector = selector;
        this.guard = options.mode().patches();
        this.syncHooks = options.observesSynchronization();
        this.subclassGuards = subclassGuards;
        this.decisions = new DecisionCache(selector, guard ? subclassGuards : null, events, stats);
        this.events = events;
    }

    private void addPlans(Map<String, Map<String, FieldPlan>> plans, String owner, ClassDecision decision) {
        Map<String, FieldPlan> fields = decision.plans(guard);
        if (!fields.isEmpty()) {
            plans.put(owner, fields);
        }
    }

    /**
     * The JDK's classes are those its own loaders define: the bootstrap loader (which also holds the
     * agent's runtime, and what other agents append to its path: neither is ours to change) and the
     * platform loader. Told apart by loader, never by package: a {@code javax.*} or {@code com.sun.*}
     * class in an application's jar is the application's.
     */
    private static boolean definedByTheJdk(ClassLoader loader) {
        return loader == null || loader == PLATFORM;
    }

    /**
     * References through a subclass to a map field its superclass declares follow the declaring
     * class's decision, in every mode: {@code map = new HashMap<>()} in a subclass constructor is a
     * store of the base class's field.
     */
    private void addInheritedPlans(Map<String, Map<String, FieldPlan>> plans, ClassLoader loader, byte[] classFile) {
        BiPredicate<String, String> planned = (owner, field) -> plans.getOrDefault(owner, Map.of()).containsKey(field);
        for (InheritedFieldRefs.Ref ref : InheritedFieldRefs.of(classFile, ClassBytesSource.of(loader), planned)) {
            if (!options.isIncluded(ref.declaring().replace('/', '.'))) {
                continue;
            }
            FieldPlan declared = decisions.decideByName(loader, ref.declaring()).plans(guard).get(ref.field());
            if (declared != null) {
                plans.computeIfAbsent(ref.owner(), owner -> new HashMap<>()).put(ref.field(),
                        declared.inheritedFrom(ref.declaring()));
            }
        }
    }

    public TransformStats stats() {
        return stats;
    }

    /**
     * The selection entries that have matched nothing so far, as {@code targets=ENTRY} and
     * {@code includes=ENTRY}: named once at exit, since a typo there silently patches nothing.
     */
    public List<String> unmatchedSelection() {
        List<String> unmatched = new ArrayList<>();
        for (String entry : selector.unmatchedTargets()) {
            unmatched.add("targets=" + entry);
        }
        for (String entry : options.unmatchedIncludes()) {
            unmatched.add("includes=" + entry);
        }
        return unmatched;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null || classFile == null) {
            return null; // hidden classes and lambdas have no name to match and touch no field directly
        }
        if (definedByTheJdk(loader)) {
            // Before anything else, and counted without a LongAdder: a JDK class may be loading
            // because this thread is linking its first VarHandle operation (VarHandle$AccessDescriptor).
            // A VarHandle operation here would need that same class, fail with ClassCircularityError,
            // and the JVM keeps that failure for every later VarHandle use: the host's too.
            stats.jdkClassesSeen.incrementAndGet();
            return null;
        }
        long start = System.nanoTime();
        try {
            return transform(loader, internalName, protectionDomain, classFile, classBeingRedefined != null);
        } finally {
            stats.classesSeen.increment();
            stats.transformNanos.add(System.nanoTime() - start);
        }
    }

    private byte[] transform(ClassLoader loader, String internalName, ProtectionDomain domain, byte[] classFile,
                             boolean redefining) {
        String className = internalName.replace('/', '.');
        if (!options.isIncluded(className)) {
            return null;
        }
        if (otherAgents.defines(domain) && !options.includesExplicitly(className)) {
            return null; // another agent's own class: neither its fields nor its synchronization are ours
        }
        byte[] rewritten = rewrite(loader, internalName, classFile);
        byte[] guarded = guardMapClass(loader, internalName, rewritten != null ? rewritten : classFile, redefining);
        byte[] result = guarded != null ? guarded : rewritten;
        if (result != null) { // its fields, its synchronization, the map class itself, or several
            events.transformed(className);
        }
        return result;
    }

    /** The class file of an application's own map class made safe in itself, if it was asked for; else null. */
    private byte[] guardMapClass(ClassLoader loader, String internalName, byte[] classFile, boolean redefining) {
        try {
            byte[] guarded = subclassGuards.guardIfAsked(loader, internalName, classFile, redefining,
                    selector::isTargetClass);
            if (guarded != null && !redefining) {
                events.mapClassGuarded(internalName.replace('/', '.'));
            }
            return guarded;
        } catch (Throwable t) {
            events.transformFailed(internalName.replace('/', '.'), t);
            return null;
        }
    }

    /** The class file with accesses to patched fields and the synchronization the detector sees rewritten; or null. */
    private byte[] rewrite(ClassLoader loader, String internalName, byte[] classFile) {
        try {
            ClassPreFilter.Summary summary = ClassPreFilter.summarize(classFile);
            boolean mayTouchCache = summary.mapDescriptor && (summary.cacheWord || !selector.selectsByNamesOnly());
            if (!mayTouchCache && !syncHooks) {
                return null; // neither declares nor touches a map field that could be a cache
            }
            boolean hooks = syncHooks && SyncPreFilter.mayNeedHooks(classFile);
            if (!mayTouchCache && !hooks) {
                return null; // and no synchronization the detector models either
            }
            Map<String, Map<String, FieldPlan>> plans = new HashMap<>();
            if (mayTouchCache) {
                stats.classesPastFilter.increment();
                ClassDecision own = decisions.decide(loader, internalName, classFile);
                addPlans(plans, internalName, own);
                for (String owner : MapFieldRefs.foreignOwners(classFile, selector)) {
                    if (options.isIncluded(owner.replace('/', '.'))) {
                        addPlans(plans, owner, decisions.decideByName(loader, owner));
                    }
                }
                addInheritedPlans(plans, loader, classFile);
            }
            if (plans.isEmpty() && !hooks) {
                return null;
            }
            return FieldPatcher.patch(classFile, plans, syncHooks, hooks);
        } catch (Throwable t) {
            events.transformFailed(internalName.replace('/', '.'), t);
            return null;
        }
    }
}

package io.cacheguard.agent;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Verdict;
import io.cacheguard.agent.transform.CacheTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sits between the transformer and the {@link PatchReporter} and remembers what was patched: which
 * classes were rewritten (a re-attach with other options must retransform them again) and which
 * fields each class patches (the attach reports those of classes already loaded as possibly having
 * stale aliases). A decision a new transformer repeats after a re-attach is not reported twice.
 */
final class PatchLedger implements CacheTransformer.Events {
    private final PatchReporter reporter;
    private final Set<String> transformedClasses = ConcurrentHashMap.newKeySet();
    /** Class name → its patched fields (qualified). */
    private final Map<String, Set<String>> patchedByClass = new ConcurrentHashMap<>();
    /** Per loader (weakly), field and verdict of every report already passed on. */
    private final Map<Object, Set<String>> reported = new WeakHashMap<>();
    private static final Object BOOTSTRAP = new Object();

    PatchLedger(PatchReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public void decided(ClassLoader loader, String className, List<FieldReport> reports) {
        List<FieldReport> fresh = new ArrayList<>();
        for (FieldReport field : reports) {
            if (field.verdict() == Verdict.PATCH) {
                patchedByClass.computeIfAbsent(className, name -> ConcurrentHashMap.newKeySet())
                        .add(field.qualifiedName());
            }
            if (firstReport(loader, field.qualifiedName() + " " + field.verdict())) {
                fresh.add(field);
            }
        }
        if (!fresh.isEmpty()) {
            reporter.decided(loader, className, fresh);
        }
    }

    private synchronized boolean firstReport(ClassLoader loader, String decision) {
        return reported.computeIfAbsent(loader == null ? BOOTSTRAP : loader, key -> new java.util.HashSet<>())
                .add(decision);
    }

    @Override
    public void transformed(String className) {
        transformedClasses.add(className);
        reporter.transformed(className);
    }

    @Override
    public void transformFailed(String className, Throwable error) {
        reporter.transformFailed(className, error);
    }

    @Override
    public void mapClassGuarded(String className) {
        reporter.mapClassGuarded(className);
    }

    boolean wasTransformed(String className) {
        return transformedClasses.contains(className);
    }

    /** Every field patched so far, sorted. */
    Set<String> patchedFields() {
        Set<String> all = new TreeSet<>();
        patchedByClass.values().forEach(all::addAll);
        return all;
    }

    /** The patched fields declared by these classes, sorted. */
    Set<String> patchedFieldsOf(Set<String> classNames) {
        Set<String> fields = new TreeSet<>();
        for (String name : classNames) {
            Set<String> patched = patchedByClass.get(name);
            if (patched != null) {
                fields.addAll(patched);
            }
        }
        return fields;
    }
}

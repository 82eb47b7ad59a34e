package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The analysis' answer for one map field: its verdict and the reasons a person can check. */
public final class FieldReport {
    private final String className;
    private final String sourceFile;
    private final String fieldName;
    private final boolean isStatic;
    private final String declaredType;
    private final Set<String> assignedTypes;
    private final Verdict verdict;
    private final List<Reason> reasons;
    private final Set<String> lazyInitStores;
    /** Whether the declared type is the application's own map class, guarded in itself (see {@link #ownMapClass}). */
    private final boolean guardsOwnMapClass;

    public FieldReport(String className, String sourceFile, String fieldName, boolean isStatic, String declaredType,
                       Set<String> assignedTypes, Verdict verdict, List<Reason> reasons) {
        this(className, sourceFile, fieldName, isStatic, declaredType, assignedTypes, verdict, reasons, Set.of());
    }

    public FieldReport(String className, String sourceFile, String fieldName, boolean isStatic, String declaredType,
                       Set<String> assignedTypes, Verdict verdict, List<Reason> reasons, Set<String> lazyInitStores) {
        this(className, sourceFile, fieldName, isStatic, declaredType, assignedTypes, verdict, reasons, lazyInitStores,
                false);
    }

    private FieldReport(String className, String sourceFile, String fieldName, boolean isStatic, String declaredType,
                        Set<String> assignedTypes, Verdict verdict, List<Reason> reasons, Set<String> lazyInitStores,
                        boolean guardsOwnMapClass) {
        this.className = className;
        this.sourceFile = sourceFile;
        this.fieldName = fieldName;
        this.isStatic = isStatic;
        this.declaredType = declaredType;
        this.assignedTypes = Set.copyOf(assignedTypes);
        this.verdict = verdict;
        this.reasons = List.copyOf(reasons);
        this.lazyInitStores = Set.copyOf(lazyInitStores);
        this.guardsOwnMapClass = guardsOwnMapClass;
    }

    /** This report with the lazy initialisations of the field, which the agent makes atomic. */
    FieldReport withLazyInitStores(Set<String> stores) {
        return new FieldReport(className, sourceFile, fieldName, isStatic, declaredType, assignedTypes, verdict,
                reasons, stores, guardsOwnMapClass);
    }

    /**
     * This report for a field declared as the application's own map class, which is guarded in
     * itself, with {@code why} added to its reasons.
     */
    FieldReport guardingOwnMapClass(Reason why) {
        List<Reason> all = new ArrayList<>(reasons);
        all.add(why);
        return new FieldReport(className, sourceFile, fieldName, isStatic, declaredType, assignedTypes, verdict,
                all, lazyInitStores, true);
    }

    /** This report turned into a skip, for {@code why}: the agent cannot act on it as decided. */
    public FieldReport skipped(String why) {
        return new FieldReport(className, sourceFile, fieldName, isStatic, declaredType, assignedTypes, Verdict.SKIP,
                List.of(Reason.general(why)), Set.of(), false);
    }

    /**
     * For a field to patch declared as the application's own map class ({@code LRUMap}, a
     * {@code LinkedHashMap} subclass), which no wrapper can stand in for: that class, dotted, which
     * is made safe in itself instead. Null for every other field.
     */
    public String ownMapClass() {
        return guardsOwnMapClass ? declaredType : null;
    }

    /**
     * The stores of a fresh map into the field on a path where it was just found null, each as
     * {@code methodName+descriptor#n} (the n-th store to this field in that method, from 0).
     */
    public Set<String> lazyInitStores() {
        return lazyInitStores;
    }

    /** The binary class name, dotted: {@code com.acme.ExpiringCache$Inner}. */
    public String className() {
        return className;
    }

    /** The SourceFile attribute, or null when the class was compiled without it. */
    public String sourceFile() {
        return sourceFile;
    }

    public String fieldName() {
        return fieldName;
    }

    public boolean isStatic() {
        return isStatic;
    }

    /** The declared type, dotted: {@code java.util.HashMap}. */
    public String declaredType() {
        return declaredType;
    }

    /** What the class stores into the field, in words: {@code java.util.HashMap}, {@code parameter}, {@code Collections.synchronizedMap(...)}. */
    public Set<String> assignedTypes() {
        return assignedTypes;
    }

    public Verdict verdict() {
        return verdict;
    }

    public List<Reason> reasons() {
        return reasons;
    }

    /** {@code com.acme.Cache.map}: how users name a field in {@code targets}. */
    public String qualifiedName() {
        return className + "." + fieldName;
    }

    @Override
    public String toString() {
        return verdict.label() + " " + qualifiedName() + " " + reasons;
    }
}

package io.cacheguard.agent.analysis;

/** One kind of value a class stores into a map field, as the analysis classifies it. */
final class AssignedValue {
    /** In words for reports: {@code java.util.HashMap}, {@code Collections.synchronizedMap(...)}, {@code a parameter}. */
    final String description;
    final boolean threadSafe;
    /** An access-ordered LinkedHashMap (or a subclass that may be one): its {@code get} reorders, so it writes. */
    final boolean accessOrdered;
    /** null stored to clear the field; says nothing about the map's kind. */
    final boolean isNull;
    /**
     * A JDK map allocated here that no wrapper can stand in for ({@code IdentityHashMap},
     * {@code TreeMap}): the agent would leave it as it is at run time.
     */
    final boolean unwrappable;

    AssignedValue(String description, boolean threadSafe, boolean accessOrdered, boolean isNull) {
        this(description, threadSafe, accessOrdered, isNull, false);
    }

    AssignedValue(String description, boolean threadSafe, boolean accessOrdered, boolean isNull,
                  boolean unwrappable) {
        this.unwrappable = unwrappable;
        this.description = description;
        this.threadSafe = threadSafe;
        this.accessOrdered = accessOrdered;
        this.isNull = isNull;
    }
}

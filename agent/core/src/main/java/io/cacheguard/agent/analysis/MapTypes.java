package io.cacheguard.agent.analysis;

import java.util.Set;

/** What the analysis knows about JDK map types and their methods. */
final class MapTypes {
    /** Declared types a guarded wrapper can stand in for (the wrapper is a subclass of each). */
    static final Set<String> WRAPPABLE = Set.of(
            "java/util/Map", "java/util/AbstractMap", "java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/WeakHashMap");

    /** Declared types that are thread-safe whatever is stored in them. */
    static final Set<String> THREAD_SAFE_TYPES = Set.of(
            "java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/ConcurrentSkipListMap", "java/util/concurrent/ConcurrentNavigableMap",
            "java/util/Hashtable", "java/util/Properties");

    /** Other JDK map types a field may be declared as; reported, never patched. */
    static final Set<String> OTHER_JDK_MAPS = Set.of(
            "java/util/TreeMap", "java/util/SortedMap", "java/util/NavigableMap", "java/util/IdentityHashMap",
            "java/util/EnumMap", "java/util/SequencedMap");

    /** Classes whose instances, once constructed, are thread-safe maps. */
    private static final Set<String> THREAD_SAFE_ALLOCATIONS = Set.of(
            "java/util/concurrent/ConcurrentHashMap", "java/util/concurrent/ConcurrentSkipListMap",
            "java/util/Hashtable", "java/util/Properties");

    /** Static factories whose result is thread-safe (synchronized or immutable). */
    private static final Set<String> THREAD_SAFE_FACTORIES = Set.of(
            "java/util/Collections.synchronizedMap", "java/util/Collections.synchronizedSortedMap",
            "java/util/Collections.synchronizedNavigableMap", "java/util/Collections.unmodifiableMap",
            "java/util/Collections.unmodifiableSortedMap", "java/util/Collections.unmodifiableNavigableMap",
            "java/util/Collections.emptyMap", "java/util/Collections.singletonMap",
            "java/util/Map.of", "java/util/Map.copyOf", "java/util/Map.ofEntries");

    /** Map methods that change the map. */
    private static final Set<String> MAP_WRITES = Set.of(
            "put", "putAll", "putIfAbsent", "remove", "clear", "compute", "computeIfAbsent", "computeIfPresent",
            "merge", "replace", "replaceAll", "putFirst", "putLast", "pollFirstEntry", "pollLastEntry");

    /** Map methods that answer a live view of the map. */
    private static final Set<String> MAP_VIEWS = Set.of(
            "keySet", "values", "entrySet", "navigableKeySet", "descendingKeySet", "descendingMap", "headMap",
            "tailMap", "subMap", "reversed", "sequencedKeySet", "sequencedValues", "sequencedEntrySet");

    /** Collection-view and iterator methods that change the map underneath. */
    private static final Set<String> VIEW_WRITES = Set.of(
            "remove", "removeIf", "removeAll", "retainAll", "clear", "add", "addAll", "removeFirst", "removeLast",
            "pollFirst", "pollLast");

    private MapTypes() {
    }

    static boolean isMapDescriptor(String descriptor) {
        if (!descriptor.startsWith("L")) {
            return false;
        }
        String type = descriptor.substring(1, descriptor.length() - 1);
        return WRAPPABLE.contains(type) || THREAD_SAFE_TYPES.contains(type) || OTHER_JDK_MAPS.contains(type);
    }

    /** The map classes a guarded wrapper stands in for at run time (subclasses of LinkedHashMap too). */
    static boolean isWrappableAllocation(String internalName) {
        return internalName.equals("java/util/HashMap") || internalName.equals("java/util/LinkedHashMap")
                || internalName.equals("java/util/WeakHashMap");
    }

    static boolean isThreadSafeAllocation(String internalName) {
        return THREAD_SAFE_ALLOCATIONS.contains(internalName);
    }

    static boolean isThreadSafeFactory(String owner, String name) {
        return THREAD_SAFE_FACTORIES.contains(owner + "." + name);
    }

    static boolean isMapWrite(String method) {
        return MAP_WRITES.contains(method);
    }

    static boolean isMapView(String method) {
        return MAP_VIEWS.contains(method);
    }

    static boolean isViewWrite(String method) {
        return VIEW_WRITES.contains(method);
    }

    /**
     * JDK factories answering an unmodifiable view of their argument: whoever holds the result can
     * read the map, never change it.
     */
    static boolean isUnmodifiableView(String owner, String name) {
        return owner.equals("java/util/Collections") && name.startsWith("unmodifiable");
    }

    /** JDK factories answering a copy of their argument ({@code Map.copyOf}): the result is not the map. */
    static boolean isCopy(String owner, String name) {
        return name.equals("copyOf") && (owner.equals("java/util/Map") || owner.equals("java/util/Set")
                || owner.equals("java/util/List"));
    }

    /** JDK code, whose handling of a map argument is known: it reads it and keeps no reference we care about. */
    static boolean isJdkOwner(String owner) {
        return owner.startsWith("java/") || owner.startsWith("javax/") || owner.startsWith("jdk/")
                || owner.startsWith("sun/");
    }

    /** Return types through which a JDK call hands back a view of its map argument. */
    static boolean mayBeView(String returnDescriptor) {
        switch (returnDescriptor) {
            case "Ljava/util/Map;":
            case "Ljava/util/SortedMap;":
            case "Ljava/util/NavigableMap;":
            case "Ljava/util/Set;":
            case "Ljava/util/Collection;":
            case "Ljava/util/Iterator;":
            case "Ljava/util/Spliterator;":
            case "Ljava/util/stream/Stream;":
            case "Ljava/lang/Iterable;":
            case "Ljava/util/Map$Entry;":
                return true;
            default:
                return false;
        }
    }
}

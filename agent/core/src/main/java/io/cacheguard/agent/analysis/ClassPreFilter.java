package io.cacheguard.agent.analysis;

import io.cacheguard.agent.classfile.ClassFileWalker;
import java.util.HashSet;
import java.util.Set;

/**
 * A cheap look at a class file's constant pool, before any parsing, so that analysing every class
 * a JVM loads costs next to nothing for the classes that cannot matter.
 *
 * <ul>
 * <li>A class that declares a map field, or touches another class's map field, has the field's
 * descriptor ({@code Ljava/util/HashMap;}, ...) as a UTF-8 constant. Most classes have none.</li>
 * <li>With the default cache selection, a field can only be a cache if its class's name or its own
 * name contains a cache word, and both names are UTF-8 constants too.</li>
 * </ul>
 */
public final class ClassPreFilter {
    private static final Set<String> DESCRIPTORS = descriptors();
    private static final int MIN_LENGTH;
    private static final int MAX_LENGTH;

    static {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String descriptor : DESCRIPTORS) {
            min = Math.min(min, descriptor.length());
            max = Math.max(max, descriptor.length());
        }
        MIN_LENGTH = min;
        MAX_LENGTH = max;
    }

    /** What one pass over the constant pool found. */
    public static final class Summary {
        static final Summary UNKNOWN = new Summary(true, true);

        /** Some UTF-8 constant is a map field descriptor (or the bytes could not be read: then true). */
        public final boolean mapDescriptor;
        /** Some UTF-8 constant contains "cache", "memo" or "lru" in any case (or unreadable: true). */
        public final boolean cacheWord;

        Summary(boolean mapDescriptor, boolean cacheWord) {
            this.mapDescriptor = mapDescriptor;
            this.cacheWord = cacheWord;
        }
    }

    private ClassPreFilter() {
    }

    /** The descriptors of every map type {@link MapTypes} knows, and of ThreadLocal (which may hold one). */
    private static Set<String> descriptors() {
        Set<String> all = new HashSet<>();
        for (Set<String> types : java.util.List.of(MapTypes.WRAPPABLE, MapTypes.THREAD_SAFE_TYPES,
                MapTypes.OTHER_JDK_MAPS, Set.of("java/lang/ThreadLocal"))) {
            for (String type : types) {
                all.add("L" + type + ";");
            }
        }
        return all;
    }

    /**
     * False when the class certainly declares no map field (nor a ThreadLocal); true when it may,
     * or when the bytes are not a class file the filter understands (the analysis then decides).
     */
    public static boolean mayDeclareMapField(byte[] classFile) {
        return summarize(classFile).mapDescriptor;
    }

    /** Both facts in one pass; a class file the filter does not understand answers "maybe" to both. */
    public static Summary summarize(byte[] classFile) {
        try {
            return scan(classFile);
        } catch (RuntimeException malformed) {
            return Summary.UNKNOWN;
        }
    }

    private static Summary scan(byte[] classFile) {
        ClassFileWalker walker = new ClassFileWalker(classFile);
        // Two passes: most classes have no map descriptor and are done after the first, cheap one;
        // only the rest pay for looking at every byte of every string.
        if (!walker.anyConstant((tag, offset) -> tag == ClassFileWalker.UTF8 && isMapDescriptor(walker, offset))) {
            return NO_MAP;
        }
        return walker.anyConstant((tag, offset) -> tag == ClassFileWalker.UTF8 && containsCacheWord(walker, offset))
                ? MAP_AND_WORD : MAP_ONLY;
    }

    private static final Summary NO_MAP = new Summary(false, false);
    private static final Summary MAP_ONLY = new Summary(true, false);
    private static final Summary MAP_AND_WORD = new Summary(true, true);

    /**
     * A map field's descriptor: one {@link MapTypes} knows, or the descriptor of a type outside
     * {@code java/} whose simple name is named like a map or a cache ({@code LRUMap},
     * {@code WeakFastHashMap}, {@code LruCache}): an application's own map class, which the analysis
     * then looks up (see {@code ClassAnalyzer.isOwnMapType}).
     */
    private static boolean isMapDescriptor(ClassFileWalker walker, int utf8) {
        int length = walker.utf8Length(utf8);
        if (length < MIN_LENGTH || walker.utf8Byte(utf8, 0) != 'L' || walker.utf8Byte(utf8, length - 1) != ';') {
            return false;
        }
        if (length <= MAX_LENGTH && DESCRIPTORS.contains(walker.utf8(utf8))) {
            return true;
        }
        boolean jdk = walker.utf8Byte(utf8, 1) == 'j' && walker.utf8Byte(utf8, 2) == 'a'
                && walker.utf8Byte(utf8, 3) == 'v' && walker.utf8Byte(utf8, 4) == 'a' && walker.utf8Byte(utf8, 5) == '/';
        if (jdk) {
            return false;
        }
        int simpleName = length - 1;
        while (simpleName > 1 && walker.utf8Byte(utf8, simpleName - 1) != '/') {
            simpleName--;
        }
        return containsWord(walker, utf8, simpleName, length - 1, true);
    }

    /** "cache", "memo" or "lru" in any case, in ASCII bytes; other bytes never match. */
    private static boolean containsCacheWord(ClassFileWalker walker, int utf8) {
        return containsWord(walker, utf8, 0, walker.utf8Length(utf8), false);
    }

    /** "cache", "memo", "lru" (and "map" if {@code orMap}) in any case within bytes [from, to) of a UTF-8 constant. */
    private static boolean containsWord(ClassFileWalker walker, int utf8, int from, int to, boolean orMap) {
        for (int i = from; i < to - 2; i++) {
            int c = walker.utf8Byte(utf8, i) | 0x20; // lower-cases ASCII letters
            if (c == 'c' && i + 5 <= to && (walker.utf8Byte(utf8, i + 1) | 0x20) == 'a'
                    && (walker.utf8Byte(utf8, i + 2) | 0x20) == 'c' && (walker.utf8Byte(utf8, i + 3) | 0x20) == 'h'
                    && (walker.utf8Byte(utf8, i + 4) | 0x20) == 'e') {
                return true;
            }
            if (c == 'm' && i + 4 <= to && (walker.utf8Byte(utf8, i + 1) | 0x20) == 'e'
                    && (walker.utf8Byte(utf8, i + 2) | 0x20) == 'm' && (walker.utf8Byte(utf8, i + 3) | 0x20) == 'o') {
                return true;
            }
            if (c == 'l' && (walker.utf8Byte(utf8, i + 1) | 0x20) == 'r' && (walker.utf8Byte(utf8, i + 2) | 0x20) == 'u') {
                return true;
            }
            if (orMap && c == 'm' && (walker.utf8Byte(utf8, i + 1) | 0x20) == 'a'
                    && (walker.utf8Byte(utf8, i + 2) | 0x20) == 'p') {
                return true;
            }
        }
        return false;
    }
}

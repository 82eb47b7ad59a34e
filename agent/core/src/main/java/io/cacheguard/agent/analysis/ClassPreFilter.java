package io.cacheguard.agent.analysis;

import java.nio.charset.StandardCharsets;
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

    private static Summary scan(byte[] b) {
        if (b.length < 10 || (b[0] & 0xff) != 0xCA || (b[1] & 0xff) != 0xFE) {
            return Summary.UNKNOWN;
        }
        // Two passes: most classes have no map descriptor and are done after the first, cheap one;
        // only the rest pay for looking at every byte of every string.
        if (!walk(b, false)) {
            return NO_MAP;
        }
        return walk(b, true) ? MAP_AND_WORD : MAP_ONLY;
    }

    private static final Summary NO_MAP = new Summary(false, false);
    private static final Summary MAP_ONLY = new Summary(true, false);
    private static final Summary MAP_AND_WORD = new Summary(true, true);

    /**
     * One pass over the constant pool: whether some UTF-8 constant is a map descriptor, or, when
     * {@code forCacheWord}, contains a cache word.
     */
    private static boolean walk(byte[] b, boolean forCacheWord) {
        int count = u2(b, 8);
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[offset] & 0xff;
            switch (tag) {
                case 1: { // Utf8
                    int length = u2(b, offset + 1);
                    int start = offset + 3;
                    if (forCacheWord) {
                        if (containsCacheWord(b, start, start + length)) {
                            return true;
                        }
                    } else if (length >= MIN_LENGTH && b[start] == 'L' && b[start + length - 1] == ';'
                            && (endsWithMap(b, start, length) || length <= MAX_LENGTH
                                && DESCRIPTORS.contains(new String(b, start, length, StandardCharsets.ISO_8859_1)))) {
                        return true;
                    }
                    offset = start + length;
                    break;
                }
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    offset += 5;
                    break;
                case 5: case 6: // Long, Double take two slots
                    offset += 9;
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    offset += 3;
                    break;
                case 15:
                    offset += 4;
                    break;
                default:
                    return true; // a tag we do not know: let the analysis decide
            }
        }
        return false;
    }

    /**
     * A type descriptor ending in {@code Map;}: the JDK's maps and an application's own map classes
     * ({@code WeakFastHashMap}), whose fields are reported as skipped rather than passed over.
     */
    private static boolean endsWithMap(byte[] b, int start, int length) {
        int end = start + length;
        return b[end - 4] == 'M' && b[end - 3] == 'a' && b[end - 2] == 'p';
    }

    /** "cache", "memo" or "lru" in any case, in ASCII bytes; other bytes never match. */
    private static boolean containsCacheWord(byte[] b, int from, int to) {
        for (int i = from; i < to - 2; i++) {
            int c = b[i] | 0x20; // lower-cases ASCII letters
            if (c == 'c' && i + 5 <= to && (b[i + 1] | 0x20) == 'a' && (b[i + 2] | 0x20) == 'c'
                    && (b[i + 3] | 0x20) == 'h' && (b[i + 4] | 0x20) == 'e') {
                return true;
            }
            if (c == 'm' && i + 4 <= to && (b[i + 1] | 0x20) == 'e' && (b[i + 2] | 0x20) == 'm'
                    && (b[i + 3] | 0x20) == 'o') {
                return true;
            }
            if (c == 'l' && (b[i + 1] | 0x20) == 'r' && (b[i + 2] | 0x20) == 'u') {
                return true;
            }
        }
        return false;
    }

    private static int u2(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }
}

package io.cacheguard.analysis;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A cheap look at a class file's constant pool, before any parsing: a class that declares a map
 * field has the field's descriptor ({@code Ljava/util/HashMap;}, ...) as a UTF-8 constant. Most
 * classes a JVM loads have none and are rejected here in microseconds.
 */
public final class ClassPreFilter {
    private static final Set<String> DESCRIPTORS = descriptors();
    private static final int MIN_LENGTH = DESCRIPTORS.stream().mapToInt(String::length).min().orElse(0);
    private static final int MAX_LENGTH = DESCRIPTORS.stream().mapToInt(String::length).max().orElse(0);

    private ClassPreFilter() {
    }

    private static Set<String> descriptors() {
        Set<String> all = new HashSet<>();
        for (Set<String> types : java.util.List.of(MapTypes.WRAPPABLE, MapTypes.THREAD_SAFE_TYPES)) {
            for (String type : types) {
                all.add("L" + type + ";");
            }
        }
        for (String other : new String[] {"java/util/TreeMap", "java/util/SortedMap", "java/util/NavigableMap",
            "java/util/IdentityHashMap", "java/util/EnumMap", "java/util/SequencedMap", "java/lang/ThreadLocal"}) {
            all.add("L" + other + ";");
        }
        return all;
    }

    /**
     * False when the class certainly declares no map field (nor a ThreadLocal); true when it may,
     * or when the bytes are not a class file the filter understands (the analysis then decides).
     */
    public static boolean mayDeclareMapField(byte[] classFile) {
        try {
            return scan(classFile);
        } catch (RuntimeException malformed) {
            return true;
        }
    }

    private static boolean scan(byte[] b) {
        if (b.length < 10 || (b[0] & 0xff) != 0xCA || (b[1] & 0xff) != 0xFE) {
            return true;
        }
        int count = u2(b, 8);
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[offset] & 0xff;
            switch (tag) {
                case 1: { // Utf8
                    int length = u2(b, offset + 1);
                    int start = offset + 3;
                    if (length >= MIN_LENGTH && length <= MAX_LENGTH && b[start] == 'L' && b[start + length - 1] == ';'
                            && DESCRIPTORS.contains(new String(b, start, length, StandardCharsets.ISO_8859_1))) {
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

    private static int u2(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }
}

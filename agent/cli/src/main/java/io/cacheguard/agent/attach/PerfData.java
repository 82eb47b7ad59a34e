package io.cacheguard.agent.attach;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The string counters of a HotSpot JVM's performance-data file ({@code /tmp/hsperfdata_<user>/<pid>}),
 * which every HotSpot JVM publishes unless started with {@code -XX:-UsePerfData}. Reading it needs
 * no attach and no {@code jdk.attach} module: it names the main class and the JVM flags, and tells
 * whether the JVM accepts attach at all, before anything is tried.
 *
 * <p>Format (version 2 of the jvmstat buffer): a prologue (magic {@code 0xcafec0c0} in big endian,
 * byte order, version, entry offset and count), then entries of length, name offset, vector length,
 * type, flags, units, variability and data offset. Strings are byte vectors ending in NUL.
 */
final class PerfData {
    private static final int MAGIC = 0xcafec0c0;

    private final Map<String, String> strings;

    private PerfData(Map<String, String> strings) {
        this.strings = strings;
    }

    /** The file of {@code pid}, or null if it has none (not a HotSpot JVM, or -XX:-UsePerfData). */
    static Path fileOf(long pid) {
        for (Path root : new Path[] {Path.of("/tmp"), Path.of("/proc", Long.toString(pid), "root", "tmp")}) {
            try (var dirs = Files.newDirectoryStream(root, "hsperfdata_*")) {
                for (Path dir : dirs) {
                    Path file = dir.resolve(Long.toString(pid));
                    if (Files.isRegularFile(file)) {
                        return file;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: try the next place
            }
        }
        return null;
    }

    /** @throws IOException if the file is unreadable or not a perf-data file */
    static PerfData read(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file));
        if (buffer.limit() < 32 || buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
            throw new IOException(file + " is not a JVM performance-data file");
        }
        buffer.order(buffer.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int offset = buffer.getInt(24);
        int count = buffer.getInt(28);
        Map<String, String> strings = new HashMap<>();
        for (int i = 0; i < count && offset > 0 && offset + 20 <= buffer.limit(); i++) {
            int length = buffer.getInt(offset);
            if (length <= 0) {
                break;
            }
            int vectorLength = buffer.getInt(offset + 8);
            byte type = buffer.get(offset + 12);
            if (type == 'B' && vectorLength > 0) {
                String name = cString(buffer, offset + buffer.getInt(offset + 4), length);
                strings.put(name, cString(buffer, offset + buffer.getInt(offset + 16), vectorLength));
            }
            offset += length;
        }
        return new PerfData(strings);
    }

    private static String cString(ByteBuffer buffer, int start, int max) {
        int end = start;
        while (end < buffer.limit() && end - start < max && buffer.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        buffer.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The main class or jar and its arguments. */
    String command() {
        return strings.getOrDefault("sun.rt.javaCommand", "");
    }

    /** The JVM options it was started with. */
    String jvmArguments() {
        return strings.getOrDefault("java.rt.vmArgs", "") + " " + strings.getOrDefault("java.rt.vmFlags", "");
    }

    String javaHome() {
        return strings.get("java.property.java.home");
    }

    /** The Java feature release (17, 21, 25), or 0 if unknown. */
    int feature() {
        String version = strings.getOrDefault("java.property.java.vm.specification.version", "");
        try {
            return Integer.parseInt(version.startsWith("1.") ? version.substring(2) : version);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** False when started with {@code -XX:+DisableAttachMechanism} (the first capability flag). */
    boolean attachable() {
        String capabilities = strings.get("sun.rt.jvmCapabilities");
        return capabilities == null || capabilities.isEmpty() || capabilities.charAt(0) == '1';
    }

    String get(String name) {
        return strings.get(name);
    }
}

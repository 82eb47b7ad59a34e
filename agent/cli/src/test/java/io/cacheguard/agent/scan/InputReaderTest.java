package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which class files the scan reads from an input, and under which names. */
class InputReaderTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ClassFiles read(Path... inputs) {
        return new InputReader(new ScanProblems(new PrintStream(err, true, StandardCharsets.UTF_8)))
                .read(List.of(inputs));
    }

    private static List<String> names(ClassFiles classes) {
        return classes.sorted().stream().map(f -> f.internalName).collect(Collectors.toList());
    }

    private static List<String> origins(ClassFiles classes) {
        return classes.sorted().stream().map(f -> f.origin).collect(Collectors.toList());
    }

    @Test
    void aClassIsNamedByItsOwnBytesNotByItsPath() throws Exception {
        Path misplaced = dir.resolve("target/classes/com/acme/RacyCache.class");
        Files.createDirectories(misplaced.getParent());
        Files.write(misplaced, Fixtures.only("RacyCache").get("com/acme/RacyCache.class"));

        assertEquals(List.of("com/acme/RacyCache"), names(read(dir.resolve("target"))));
    }

    @Test
    void theBaseClassOfAMultiReleaseJarWinsOverItsVersionedVariant() {
        byte[] racy = Fixtures.only("RacyCache").get("com/acme/RacyCache.class");
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put("META-INF/versions/21/com/acme/RacyCache.class", racy);
        entries.put("com/acme/RacyCache.class", racy);
        Path jar = Archives.jar(dir.resolve("mr.jar"), entries);

        assertEquals(List.of(jar + "!/com/acme/RacyCache.class"), origins(read(jar)));
    }

    @Test
    void theFirstOfTwoSameNamedClassesWinsAsOnAClassPath() {
        Path one = Archives.jar(dir.resolve("one.jar"), Fixtures.only("RacyCache"));
        Path two = Archives.jar(dir.resolve("two.jar"), Fixtures.only("RacyCache"));

        assertEquals(List.of(one + "!/com/acme/RacyCache.class"), origins(read(one, two)));
    }

    @Test
    void anExecutableJarWithAShellScriptInFrontIsRead() throws Exception {
        byte[] zip = Archives.bytes(Fixtures.only("RacyCache"), false);
        byte[] script = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream executable = new ByteArrayOutputStream();
        executable.write(script);
        executable.write(zip);
        Path jar = Files.write(dir.resolve("app"), executable.toByteArray());

        assertEquals(List.of("com/acme/RacyCache"), names(read(jar)), err::toString);
    }

    @Test
    void moduleAndPackageDescriptorsAreNotClasses() {
        Map<String, byte[]> entries = new TreeMap<>(Fixtures.only("RacyCache"));
        entries.put("module-info.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        entries.put("com/acme/package-info.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
        Path jar = Archives.jar(dir.resolve("app.jar"), entries);

        assertEquals(List.of("com/acme/RacyCache"), names(read(jar)));
    }

    @Test
    void otherFilesInAJarOrDirectoryAreIgnored() throws Exception {
        Map<String, byte[]> entries = new TreeMap<>(Fixtures.only("RacyCache"));
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.US_ASCII));
        entries.put("logo.png", new byte[] {1, 2, 3});
        Path jar = Archives.jar(dir.resolve("lib/app.jar"), entries);
        Files.writeString(dir.resolve("README.txt"), "hello");

        assertEquals(List.of("com/acme/RacyCache"), names(read(dir)));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(jar));
    }

    @Test
    void aPathOfAnUnreadableClassFallsBackToItsPath() {
        assertEquals("com/acme/Cache$1", ClassFile.of(new byte[] {1, 2}, "BOOT-INF/classes/com/acme/Cache$1.class", "x")
                .internalName);
        assertEquals("com/acme/Cache", ClassFile.nameFromPath("META-INF/versions/17/com/acme/Cache.class"));
        assertEquals("com/acme/Cache", ClassFile.nameFromPath("WEB-INF/classes/com/acme/Cache.class"));
    }
}

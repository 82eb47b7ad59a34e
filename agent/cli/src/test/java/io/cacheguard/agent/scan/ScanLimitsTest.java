package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs (issue 17): a zip bomb, nested jars past the nesting cap, too many entries. Each
 * is a per-file error found inside a jar, reported and skipped; never an OutOfMemoryError.
 */
class ScanLimitsTest {
    private static final String BOMB = "com/acme/BombCache.class";

    @TempDir
    Path dir;

    /** A jar with a racy class and one class entry of {@code megabytes} MB of zeros (after a class magic). */
    static Path bombJar(Path file, int megabytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> racy : Fixtures.only("RacyCache").entrySet()) {
                zip.putNextEntry(new ZipEntry(racy.getKey()));
                zip.write(racy.getValue());
            }
            zip.putNextEntry(new ZipEntry(BOMB));
            zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zeros(zip, megabytes);
        }
        return file;
    }

    private static void zeros(OutputStream out, int megabytes) throws IOException {
        byte[] mb = new byte[1 << 20];
        for (int i = 0; i < megabytes; i++) {
            out.write(mb);
        }
    }

    @Test
    void aClassEntryInflatingPastTheDefaultCapIsReportedAndSkipped() throws Exception {
        Path jar = bombJar(dir.resolve("bomb.jar"), 100);
        assertTrue(Files.size(jar) < 1 << 20, "the bomb is small on disk: " + Files.size(jar));

        ScanRun run = ScanRun.of(jar, "--format", "json");

        assertEquals(ScanCommand.EXIT_FINDINGS, run.exitCode, run.toString()); // the racy class still counts
        assertTrue(run.stderr.contains(jar + "!/" + BOMB + ": class file larger than 64 MB when inflated"),
                run.toString());
        assertTrue(run.stdout.contains("\"kind\": \"entry\"") || run.stdout.contains("\"kind\":\"entry\""),
                run.toString());
        assertFalse(run.stderr.contains("OutOfMemoryError"), run.toString());
    }

    @Test
    void theCapIsAScanOption() throws Exception {
        Path jar = bombJar(dir.resolve("bomb.jar"), 2);

        ScanRun lowered = ScanRun.of(jar, "--max-class-size", "1m");
        ScanRun raised = ScanRun.of(jar, "--max-class-size=4m");

        assertEquals(ScanCommand.EXIT_FINDINGS, lowered.exitCode, lowered.toString());
        assertTrue(lowered.stderr.contains(BOMB + ": class file larger than 1 MB when inflated"), lowered.toString());
        assertFalse(raised.stderr.contains("larger than"), raised.toString()); // read, then found malformed
    }

    @Test
    void aBadCapIsAUsageError() {
        for (String bad : List.of("0", "-1", "lots", "64x", "2g")) {
            ScanRun run = ScanRun.of("x.jar", "--max-class-size", bad);
            assertEquals(ScanCommand.EXIT_ERROR, run.exitCode, run.toString());
            assertTrue(run.stderr.contains("--max-class-size '" + bad + "'"), run.toString());
        }
    }

    @Test
    void aBombInsideANestedJarIsSkippedAndTheRestOfTheNestedJarRead() throws Exception {
        Path inner = bombJar(dir.resolve("inner.jar"), 100);
        Map<String, byte[]> outer = new TreeMap<>();
        outer.put("BOOT-INF/lib/inner.jar", Files.readAllBytes(inner));
        Path jar = Archives.jar(dir.resolve("app.jar"), outer);

        ScanRun run = ScanRun.of(jar, "--max-class-size", "1m");

        assertEquals(ScanCommand.EXIT_FINDINGS, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("app.jar!/BOOT-INF/lib/inner.jar!/" + BOMB + ": class file larger than 1 MB"),
                run.toString());
    }

    @Test
    void aNamedClassFilePastTheCapIsAnInputError() throws Exception {
        Path big = dir.resolve("Big.class");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            zeros(out, 2);
        }

        ScanRun run = ScanRun.of(big, "--max-class-size", "1m");

        assertEquals(ScanCommand.EXIT_ERROR, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("raise the limit with --max-class-size"), run.toString());
    }

    @Test
    void jarsNestedDeeperThanTheCapAreReportedAndSkipped() throws Exception {
        byte[] jar = Archives.bytes(Fixtures.only("RacyCache"), false);
        for (int level = 0; level < InputReader.MAX_NESTING + 2; level++) {
            jar = Archives.bytes(Map.of("lib/level" + level + ".jar", jar), level % 2 == 0);
        }
        Path deep = dir.resolve("deep.jar");
        Files.write(deep, jar);

        ScanRun run = ScanRun.of(deep);

        assertEquals(ScanCommand.EXIT_CLEAN, run.exitCode, run.toString()); // the racy class is too deep to be read
        assertTrue(run.stderr.contains("archive nested more than 8 levels deep: skipped"), run.toString());
    }

    @Test
    void entriesPastTheCountCapAreReportedAndTheRestOfThatInputSkipped() throws Exception {
        Map<String, byte[]> entries = new TreeMap<>();
        byte[] racy = Fixtures.only("RacyCache").get("com/acme/RacyCache.class");
        for (int i = 0; i < 10; i++) {
            entries.put("com/acme/c" + i + "/RacyCache.class", racy);
        }
        Path jar = Archives.jar(dir.resolve("many.jar"), entries);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        new InputReader(new ScanProblems(new PrintStream(err, true, StandardCharsets.UTF_8)),
                new InputReader.Limits(1 << 20, InputReader.MAX_NESTING, 5)).read(List.of(jar));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.contains("more than 5 entries in " + jar + ": the rest of it is skipped"), stderr);
    }
}

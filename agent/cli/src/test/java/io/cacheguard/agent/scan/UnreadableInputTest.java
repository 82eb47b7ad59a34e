package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.ClassAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the scan cannot read: each is named with its problem on stderr and in the JSON errors,
 * and the rest is scanned. A named input that cannot be read exits 2, whatever is wrong with it,
 * with what to do; a bad class or nested jar inside a jar or directory does not.
 */
class UnreadableInputTest {
    @TempDir
    Path dir;

    private Path racyJar() {
        return Archives.jar(dir.resolve("racy.jar"), Fixtures.only("RacyCache"));
    }

    private static byte[] racyClass() {
        return Fixtures.only("RacyCache").get("com/acme/RacyCache.class");
    }

    @Test
    void aMissingPathIsNamedAndExitsTwoAfterScanningTheRest() {
        Path missing = dir.resolve("no/such.jar");

        ScanRun run = ScanRun.of(missing, racyJar(), "--format", "json");

        assertEquals(2, run.exitCode, run::toString);
        assertEquals("cacheguard scan: " + missing + ": no such file; check the path" + System.lineSeparator(),
                run.stderr);
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"));
        Map<String, Object> error = JsonParser.object(JsonParser.array(run.json().get("errors")).get(0));
        assertEquals(missing.toString(), error.get("input"));
        assertEquals("no such file; check the path", error.get("message"));
        assertEquals("input", error.get("kind"));
    }

    @Test
    void aFileThatIsNeitherJarNorClassIsNamedAndExitsTwo() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.jar"), "this is not a zip file at all");

        ScanRun run = ScanRun.of(garbage, racyJar());

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.stderr.contains("cacheguard scan: " + garbage + ": not a jar or class file (bad zip header)"),
                run::toString);
        assertTrue(run.stdout.contains("PATCH  com.acme.RacyCache.entries"), run::toString);
    }

    @Test
    void anEmptyFileIsNamedAsEmpty() throws Exception {
        Path empty = Files.write(dir.resolve("empty.jar"), new byte[0]);

        ScanRun run = ScanRun.of(empty);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.stderr.contains(empty + ": not a jar or class file (empty file)"), run::toString);
    }

    @Test
    void aJarCutShortIsACorruptJar() throws Exception {
        byte[] whole = Files.readAllBytes(racyJar());
        Path cut = Files.write(dir.resolve("cut.jar"), Arrays.copyOf(whole, whole.length / 2));

        ScanRun run = ScanRun.of(cut);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.stderr.contains(cut + ": corrupt jar ("), run::toString);
    }

    @Test
    void aTruncatedClassInAJarIsReportedAndTheOtherClassesAreScanned() {
        Map<String, byte[]> entries = new TreeMap<>(Fixtures.only("SafeCache", "RacyCache"));
        entries.put("com/acme/BrokenCache.class", Arrays.copyOf(racyClass(), 200));
        Path jar = Archives.jar(dir.resolve("app.jar"), entries);

        ScanRun run = ScanRun.of(jar, "--format", "json");

        assertEquals(1, run.exitCode, run::toString); // the racy cache decides; the bad class does not
        String input = jar + "!/com/acme/BrokenCache.class";
        assertTrue(run.stderr.contains("cacheguard scan: " + input + ": malformed or truncated class file"),
                run::toString);
        Map<String, Object> error = JsonParser.object(JsonParser.array(run.json().get("errors")).get(0));
        assertEquals(input, error.get("input"));
        assertEquals("class", error.get("kind"));
        assertEquals("safe", run.field("com.acme.SafeCache.entries").get("verdict"));
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"));
    }

    @Test
    void aClassFromANewerJdkThanAsmKnowsIsNamedWithItsVersion() {
        byte[] future = racyClass().clone();
        future[6] = 0;
        future[7] = 99; // Java 55
        Map<String, byte[]> entries = new TreeMap<>(Fixtures.only("SafeCache"));
        entries.put("com/acme/FutureCache.class", future);
        Path jar = Archives.jar(dir.resolve("app.jar"), entries);

        ScanRun run = ScanRun.of(jar);

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.stderr.contains(jar + "!/com/acme/FutureCache.class: class file version 99 (Java 55) is newer"
                + " than this cacheguard can read"), run::toString);
        assertTrue(run.stdout.contains("SAFE  com.acme.SafeCache.entries"), run::toString);
    }

    /** Regression: a named class file cut short was reported, but the scan exited 0. */
    @Test
    void aNamedClassFileThatIsTruncatedExitsTwoNamingIt() throws Exception {
        Path truncated = Files.write(dir.resolve("RacyCache.class"), Arrays.copyOf(racyClass(), 300));

        ScanRun run = ScanRun.of(truncated, racyJar(), "--format", "json");

        assertNamedInputFails(run, truncated, "malformed or truncated class file (");
        assertTrue(run.stderr.contains("; recompile it, or leave it out of the scan"), run::toString);
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict")); // the rest is scanned
    }

    /** Regression: a named class file from a JDK newer than ASM knows was reported, but the scan exited 0. */
    @Test
    void aNamedClassFileTooNewToReadExitsTwoNamingIt() throws Exception {
        byte[] future = racyClass().clone();
        future[6] = 0;
        future[7] = 99; // Java 55
        Path file = Files.write(dir.resolve("FutureCache.class"), future);

        ScanRun run = ScanRun.of(file, "--format", "json");

        assertNamedInputFails(run, file, "class file version 99 (Java 55) is newer than this cacheguard can read"
                + "; scan it with a cacheguard release that reads it");
    }

    /**
     * Regression: a too-new class file that no cache word selects was not even parsed, so nothing
     * was said about it at all.
     */
    @Test
    void aNamedClassFileTooNewToReadExitsTwoEvenIfNothingWouldSelectIt() throws Exception {
        byte[] future = Fixtures.only("PlainRegistry").get("com/acme/PlainRegistry.class").clone();
        future[6] = 0;
        future[7] = 99;
        Path file = Files.write(dir.resolve("PlainRegistry.class"), future);

        ScanRun run = ScanRun.of(file, "--format", "json");

        assertNamedInputFails(run, file, "class file version 99 (Java 55) is newer than this cacheguard can read");
    }

    @Test
    void aNamedFileThatIsNotAJarExitsTwoNamingIt() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "release notes, not a jar");

        ScanRun run = ScanRun.of(notes, "--format", "json");

        assertNamedInputFails(run, notes, "not a jar or class file (bad zip header); name a jar, war, ear,"
                + " directory or .class file");
    }

    @Test
    void aNamedFileThatDoesNotExistExitsTwoNamingIt() {
        Path missing = dir.resolve("Missing.class");

        ScanRun run = ScanRun.of(missing, "--format", "json");

        assertNamedInputFails(run, missing, "no such file; check the path");
    }

    /** Exit 2 and one line on stderr, the name first, then what was wrong; the same in the JSON errors. */
    private static void assertNamedInputFails(ScanRun run, Path input, String problem) {
        assertEquals(2, run.exitCode, run::toString);
        assertEquals(1, run.stderr.lines().count(), run::toString);
        assertTrue(run.stderr.startsWith("cacheguard scan: " + input + ": " + problem), run::toString);
        Map<String, Object> error = JsonParser.object(JsonParser.array(run.json().get("errors")).get(0));
        assertEquals(input.toString(), error.get("input"));
        assertEquals("input", error.get("kind"));
    }

    @Test
    void aGarbageNestedJarIsReportedAndTheOuterJarIsStillScanned() {
        Map<String, byte[]> entries = new TreeMap<>(Fixtures.only("RacyCache"));
        entries.put("BOOT-INF/lib/broken.jar", "not a zip".getBytes(StandardCharsets.US_ASCII));
        Path jar = Archives.jar(dir.resolve("boot.jar"), entries);

        ScanRun run = ScanRun.of(jar, "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.stderr.contains(jar + "!/BOOT-INF/lib/broken.jar: not a jar (bad zip header)"), run::toString);
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"));
    }

    @Test
    void aGarbageJarInADirectoryIsReportedWithoutFailingTheDirectory() throws Exception {
        Files.writeString(dir.resolve("broken.jar"), "not a zip");
        Files.write(dir.resolve("RacyCache.class"), racyClass());

        ScanRun run = ScanRun.of(dir);

        assertEquals(1, run.exitCode, run::toString);
        assertTrue(run.stderr.contains(dir.resolve("broken.jar") + ": not a jar or class file (bad zip header)"),
                run::toString);
    }

    @Test
    void anAnalysisThatThrowsOnOneClassIsReportedAndTheScanGoesOn() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache", "SafeCache"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScanProblems problems = new ScanProblems(new PrintStream(err, true, StandardCharsets.UTF_8));
        ClassFiles classes = new InputReader(problems).read(List.of(jar));
        ClassScan scan = new ClassScan(CacheSelector.defaults(), problems, related -> classFile -> {
            if (ClassFile.of(classFile, "", "").internalName.equals("com/acme/RacyCache")) {
                throw new IllegalStateException("boom");
            }
            return new ClassAnalyzer(related).analyze(classFile);
        });

        ScanResult result = scan.scan(classes);

        assertEquals(1, result.findings.size());
        assertEquals("com.acme.SafeCache", result.findings.get(0).report.className());
        assertEquals(ScanProblem.Kind.INTERNAL, result.problems.get(0).kind);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertTrue(stderr.startsWith("cacheguard scan: " + jar + "!/com/acme/RacyCache.class: analysis failed: "
                + "java.lang.IllegalStateException: boom at "), stderr);
    }
}

package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scan finds in each kind of input, and the exit status it ends with. */
class ScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void aRacyCacheIsPatchAndTheScanExitsOne() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache", "SafeCache"));

        ScanRun run = ScanRun.of(jar, "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"), run::toString);
        assertEquals("safe", run.field("com.acme.SafeCache.entries").get("verdict"), run::toString);
        assertEquals("", run.stderr, run::toString);
    }

    @Test
    void onlySafeCachesExitZero() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("SafeCache"));

        ScanRun run = ScanRun.of(jar);

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.stdout.contains("SAFE  com.acme.SafeCache.entries"), run::toString);
        assertTrue(run.stdout.endsWith("summary: 0 patch, 1 safe, 0 skip (1 field); 1 class scanned, 1 analysed;"
                + " 0 errors" + System.lineSeparator()), run::toString);
    }

    @Test
    void classesInANestedBootInfLibJarAreScanned() {
        Map<String, byte[]> outer = new TreeMap<>();
        outer.put("BOOT-INF/lib/caches.jar", Archives.bytes(Fixtures.only("RacyCache"), true));
        outer.put("BOOT-INF/classes/com/acme/SafeCache.class",
                Fixtures.only("SafeCache").get("com/acme/SafeCache.class"));
        Path jar = Archives.jar(dir.resolve("boot.jar"), outer);

        ScanRun run = ScanRun.of(jar, "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        Map<String, Object> racy = run.field("com.acme.RacyCache.entries");
        assertEquals("patch", racy.get("verdict"));
        assertEquals(jar + "!/BOOT-INF/lib/caches.jar!/com/acme/RacyCache.class", racy.get("input"));
        assertEquals("safe", run.field("com.acme.SafeCache.entries").get("verdict"));
    }

    @Test
    void jarsNestedInANestedJarAreScanned() {
        byte[] lib = Archives.bytes(Fixtures.only("RacyCache"), true);
        byte[] war = Archives.bytes(Map.of("WEB-INF/lib/caches.jar", lib), false);
        Path ear = Archives.jar(dir.resolve("app.ear"), Map.of("web.war", war));

        ScanRun run = ScanRun.of(ear, "--format", "json");

        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"), run::toString);
    }

    @Test
    void aDirectoryIsSearchedForClassFilesAndJarsAtAnyDepth() throws Exception {
        Path classes = dir.resolve("build/classes");
        Path classFile = classes.resolve("com/acme/SafeCache.class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, Fixtures.only("SafeCache").get("com/acme/SafeCache.class"));
        Archives.jar(dir.resolve("build/libs/deep/racy.jar"), Fixtures.only("RacyCache"));

        ScanRun run = ScanRun.of(dir, "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("safe", run.field("com.acme.SafeCache.entries").get("verdict"));
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"));
        assertEquals(classFile.toString(), run.field("com.acme.SafeCache.entries").get("input"));
    }

    @Test
    void aSingleClassFileIsScanned() throws Exception {
        Path classFile = dir.resolve("RacyCache.class");
        Files.write(classFile, Fixtures.only("RacyCache").get("com/acme/RacyCache.class"));

        ScanRun run = ScanRun.of(classFile, "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("patch", run.field("com.acme.RacyCache.entries").get("verdict"));
    }

    @Test
    void inputsAreCombinedSoOneInputsClassesAreSeenFromAnother() throws Exception {
        Path one = Archives.jar(dir.resolve("one.jar"), Fixtures.only("RacyCache"));
        Path two = Archives.jar(dir.resolve("two.jar"), Fixtures.only("SafeCache"));

        ScanRun run = ScanRun.of(one, two, "--format", "json");

        Map<String, Object> summary = JsonParser.object(run.json().get("summary"));
        assertEquals(2L, summary.get("fields"), run::toString);
        assertEquals(2L, summary.get("classesScanned"), run::toString);
    }

    @Test
    void byDefaultAClassWithoutACacheNameIsNotAnalysed() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("PlainRegistry"));

        ScanRun run = ScanRun.of(jar, "--format", "json");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(List.of(), run.json().get("fields"));
        assertEquals(0L, JsonParser.object(run.json().get("summary")).get("classesAnalysed"));
    }

    @Test
    void allAnalysesEveryClass() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("PlainRegistry"));

        ScanRun run = ScanRun.of(jar, "--all", "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("patch", run.field("com.acme.PlainRegistry.byId").get("verdict"));
    }

    @Test
    void targetsSelectAFieldByName() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("PlainRegistry"));

        ScanRun run = ScanRun.of(jar, "--targets", "com.example.*:com.acme.PlainRegistry.byId", "--format", "json");

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("patch", run.field("com.acme.PlainRegistry.byId").get("verdict"));
    }

    @Test
    void targetsSelectAClassByGlob() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("PlainRegistry"));

        ScanRun run = ScanRun.of(jar, "--targets=com.acme.*Registry", "--format", "json");

        assertEquals("patch", run.field("com.acme.PlainRegistry.byId").get("verdict"), run::toString);
    }

    @Test
    void jdkAndCacheguardClassesAreNeverAnalysedEvenWithAll() {
        Map<String, byte[]> entries = new TreeMap<>();
        entries.put("io/cacheguard/agent/runtime/RacyCache.class",
                Fixtures.renamedInto("RacyCache", "io/cacheguard/agent/runtime/"));
        entries.put("io/cacheguard/agent/scan/RacyCache.class", Fixtures.renamedInto("RacyCache", "io/cacheguard/agent/scan/"));
        entries.put("java/util/RacyCache.class", Fixtures.renamedInto("RacyCache", "java/util/"));
        Path jar = Archives.jar(dir.resolve("app.jar"), entries);

        ScanRun run = ScanRun.of(jar, "--all", "--format", "json");

        assertEquals(0, run.exitCode, run::toString);
        assertEquals(List.of(), run.json().get("fields"));
        assertEquals(0L, JsonParser.object(run.json().get("summary")).get("classesScanned"));
    }

    @Test
    void outputWritesTheReportToAFileInNewFoldersAndNothingToStdout() throws Exception {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache"));
        Path report = dir.resolve("reports/scan/cacheguard.sarif");

        ScanRun run = ScanRun.of(jar, "--format", "sarif", "--output", report);

        assertEquals(1, run.exitCode, run::toString);
        assertEquals("", run.stdout);
        assertTrue(Files.isRegularFile(report));
        Map<String, Object> sarif = JsonParser.object(JsonParser.parse(Files.readString(report)));
        assertEquals("2.1.0", sarif.get("version"));
        assertTrue(run.stderr.contains("report written to " + report), run::toString);
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedAndExitsTwo() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("SafeCache"));

        ScanRun run = ScanRun.of(jar, "--output", dir);

        assertEquals(2, run.exitCode, run::toString);
        assertTrue(run.stderr.startsWith("cacheguard scan: " + dir + ": cannot write the report ("), run::toString);
        assertEquals("", run.stdout);
    }

    @Test
    void anEmptyJarScansCleanly() {
        Path jar = Archives.jar(dir.resolve("empty.jar"), Map.of());

        ScanRun run = ScanRun.of(jar);

        assertEquals(0, run.exitCode, run::toString);
        assertTrue(run.stdout.contains("0 classes scanned"), run::toString);
        assertFalse(run.stdout.contains("PATCH"));
    }
}

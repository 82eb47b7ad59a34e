package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import io.cacheguard.agent.CacheguardVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report has exactly the documented keys, with null where a value is absent. */
class JsonReportTest {
    private static final List<String> FIELD_KEYS = List.of("class", "field", "static", "declaredType",
            "assignedTypes", "sourceFile", "verdict", "reasons", "input");
    private static final List<String> REASON_KEYS = List.of("method", "line", "access", "lock", "message");

    @TempDir
    Path dir;
    private Path jar;
    private ScanRun run;

    @BeforeEach
    void scan() {
        jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache", "SafeCache"));
        run = ScanRun.of(jar, "--format", "json");
    }

    @Test
    void theTopLevelNamesTheToolAndVersion() {
        Map<String, Object> json = run.json();

        assertEquals(List.of("tool", "version", "fields", "errors", "summary"), List.copyOf(json.keySet()));
        assertEquals("cacheguard", json.get("tool"));
        assertEquals(CacheguardVersion.get(), json.get("version"));
    }

    @Test
    void aFieldHasEveryDocumentedKey() {
        Map<String, Object> racy = run.field("com.acme.RacyCache.entries");

        assertEquals(FIELD_KEYS, List.copyOf(racy.keySet()));
        assertEquals("com.acme.RacyCache", racy.get("class"));
        assertEquals("entries", racy.get("field"));
        assertEquals(false, racy.get("static"));
        assertEquals("java.util.Map", racy.get("declaredType"));
        assertEquals(List.of("java.util.HashMap"), racy.get("assignedTypes"));
        assertEquals("RacyCache.java", racy.get("sourceFile"));
        assertEquals("patch", racy.get("verdict"));
        assertEquals(jar + "!/com/acme/RacyCache.class", racy.get("input"));
    }

    @Test
    void aReasonAtAnAccessHasItsMethodLineAndAccess() {
        Map<String, Object> reason = JsonParser.object(
                JsonParser.array(run.field("com.acme.RacyCache.entries").get("reasons")).get(0));

        assertEquals(REASON_KEYS, List.copyOf(reason.keySet()));
        assertEquals("put(String, String)", reason.get("method"));
        assertEquals((long) Fixtures.lineOf("RacyCache", "entries.put(key, value)"), reason.get("line"));
        assertEquals("write", reason.get("access"));
        assertEquals(null, reason.get("lock"));
        assertTrue(((String) reason.get("message")).endsWith("holds no lock"), reason::toString);
    }

    @Test
    void aGuardedAccessNamesItsLock() {
        Map<String, Object> reason = JsonParser.object(
                JsonParser.array(run.field("com.acme.SafeCache.entries").get("reasons")).get(0));

        assertEquals("'this'", reason.get("lock"));
    }

    @Test
    void theSummaryCountsVerdictsClassesAndErrors() {
        Map<String, Object> summary = JsonParser.object(run.json().get("summary"));

        assertEquals(1L, summary.get("patch"));
        assertEquals(1L, summary.get("safe"));
        assertEquals(0L, summary.get("skip"));
        assertEquals(2L, summary.get("fields"));
        assertEquals(2L, summary.get("classesScanned"));
        assertEquals(2L, summary.get("classesAnalysed"));
        assertEquals(0L, summary.get("errors"));
        assertNotNull(run.json().get("errors"));
    }
}

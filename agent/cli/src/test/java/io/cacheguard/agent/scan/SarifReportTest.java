package io.cacheguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.testing.JsonParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF report has what SARIF 2.1.0 and GitHub code scanning require, pointing at the racy line. */
class SarifReportTest {
    @TempDir
    Path dir;

    private Map<String, Object> run(String... fixtures) {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only(fixtures));
        ScanRun run = ScanRun.of(jar, "--format", "sarif");
        return JsonParser.object(JsonParser.array(run.json().get("runs")).get(0));
    }

    private static Map<String, Object> at(Object value, String... path) {
        Object current = value;
        for (String key : path) {
            current = key.matches("\\d+") ? JsonParser.array(current).get(Integer.parseInt(key))
                    : JsonParser.object(current).get(key);
        }
        return JsonParser.object(current);
    }

    @Test
    void theLogDeclaresSchemaAndVersion() {
        Path jar = Archives.jar(dir.resolve("app.jar"), Fixtures.only("RacyCache"));
        Map<String, Object> log = ScanRun.of(jar, "--format", "sarif").json();

        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.get("$schema"));
        assertEquals("2.1.0", log.get("version"));
        assertEquals(1, JsonParser.array(log.get("runs")).size());
    }

    @Test
    void theDriverDescribesItsOneRule() {
        Map<String, Object> driver = at(run("RacyCache"), "tool", "driver");
        Map<String, Object> rule = at(driver, "rules", "0");

        assertEquals("cacheguard", driver.get("name"));
        assertTrue(driver.containsKey("version"));
        assertEquals("cacheguard/racy-map-field", rule.get("id"));
        assertFalse(((String) at(rule, "shortDescription").get("text")).isEmpty());
        assertFalse(((String) at(rule, "fullDescription").get("text")).isEmpty());
        assertFalse(((String) at(rule, "help").get("text")).isEmpty());
        assertEquals("warning", at(rule, "defaultConfiguration").get("level"));
    }

    @Test
    void aFieldToPatchIsAResultAtItsRacyLine() {
        Map<String, Object> result = at(run("RacyCache"), "results", "0");

        assertEquals("cacheguard/racy-map-field", result.get("ruleId"));
        assertEquals("warning", result.get("level"));
        assertTrue(((String) at(result, "message").get("text")).contains("com.acme.RacyCache.entries"));
        Map<String, Object> physical = at(result, "locations", "0", "physicalLocation");
        assertEquals("com/acme/RacyCache.java", at(physical, "artifactLocation").get("uri"));
        assertEquals("%SRCROOT%", at(physical, "artifactLocation").get("uriBaseId"));
        assertEquals((long) Fixtures.lineOf("RacyCache", "entries.put(key, value)"),
                at(physical, "region").get("startLine"));
        assertEquals("com.acme.RacyCache.entries",
                at(result, "locations", "0", "logicalLocations", "0").get("fullyQualifiedName"));
    }

    @Test
    void safeFieldsAreNoResults() {
        assertEquals(List.of(), run("SafeCache").get("results"));
    }

    @Test
    void oneResultPerFieldToPatch() {
        assertEquals(1, JsonParser.array(run("RacyCache", "SafeCache").get("results")).size());
    }
}

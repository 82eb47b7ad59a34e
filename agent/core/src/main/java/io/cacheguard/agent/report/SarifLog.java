package io.cacheguard.agent.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parts of a SARIF 2.1.0 log every cacheguard report shares (the scan's findings, the
 * detector's races): the document around one run, the tool driver with its one rule, a message.
 */
public final class SarifLog {
    private static final Pattern SEMANTIC_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?");

    private SarifLog() {
    }

    /** The whole log, as JSON, for one run: {@code run} holds its results and anything else it reports. */
    public static String document(Map<String, Object> driver, Map<String, Object> run) {
        Map<String, Object> fullRun = new LinkedHashMap<>();
        fullRun.put("tool", Map.of("driver", driver));
        fullRun.putAll(run);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(fullRun));
        return JsonWriter.write(root);
    }

    /** cacheguard as the tool, at {@code version} (also as semanticVersion when it is one), with its rule. */
    public static Map<String, Object> driver(String version, Map<String, Object> rule) {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "cacheguard");
        driver.put("version", version);
        if (SEMANTIC_VERSION.matcher(version).matches()) {
            driver.put("semanticVersion", version);
        }
        driver.put("rules", List.of(rule));
        return driver;
    }

    /** A SARIF message or description. */
    public static Map<String, Object> text(String text) {
        return Map.of("text", text);
    }
}

package io.cacheguard.agent.report;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.Site;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The races as a SARIF 2.1.0 log for code scanning: one result per distinct race, located at the
 * later access with the earlier one as a related location (GitHub shows both inline). A SARIF file
 * is one document, so it is rewritten whole, atomically, after each new race: a JVM killed at any
 * moment leaves a complete file with every race found so far.
 */
public final class RaceSarif {
    public static final RaceSarif NONE = new RaceSarif(null, null);
    static final String RULE_ID = "cacheguard/map-race";

    private final Path path;
    private final String version;
    private final List<Object> results = new ArrayList<>();

    private RaceSarif(Path path, String version) {
        this.path = path;
        this.version = version;
    }

    /**
     * A SARIF log at the file {@code value} names for this JVM ({@code %p}, a directory: see
     * {@link OutputFile}), written at once with no results so that a clean run leaves one too. The
     * file is replaced, not written through: a link found there is refused at the start like any
     * non-regular file, and a rename replaces a name, never what a link points to.
     */
    public static RaceSarif open(String value, String version) throws IOException {
        Path path = OutputFile.resolve(value, "sarif");
        OutputFile.check(path);
        RaceSarif sarif = new RaceSarif(path, version);
        sarif.write();
        return sarif;
    }

    synchronized void add(Race race) {
        if (path == null) {
            return;
        }
        results.add(result(race));
        try {
            write();
        } catch (IOException ignored) {
            // best effort once opened: the application must go on
        }
    }

    private void write() throws IOException {
        String log = SarifLog.document(SarifLog.driver(version, rule()), Map.of("results", results));
        // one partial file per JVM: JVMs forked by one build may share the path, the last rename wins
        Path partial = path.resolveSibling(path.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        ByteBuffer bytes = ByteBuffer.wrap(log.getBytes(StandardCharsets.UTF_8));
        try (FileChannel out = OutputFile.openTruncate(partial)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        }
        Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> rule() {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", RULE_ID);
        rule.put("name", "MapRace");
        rule.put("shortDescription", SarifLog.text("Two accesses to a shared map that no synchronization orders"));
        rule.put("fullDescription", SarifLog.text("Two threads used the same HashMap, LinkedHashMap or WeakHashMap, at "
                + "least one of them changing it, and no lock, thread start or join, executor hand-off, latch or "
                + "volatile ordered the two uses. Such a map can lose entries, return stale values or corrupt "
                + "itself."));
        rule.put("defaultConfiguration", Map.of("level", "error"));
        rule.put("properties", Map.of("tags", List.of("concurrency", "data-race")));
        return rule;
    }

    private static Map<String, Object> result(Race race) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", RULE_ID);
        result.put("ruleIndex", 0);
        result.put("level", race.patched() ? "warning" : "error");
        result.put("message", SarifLog.text(race.kind().label() + " race on " + race.map() + ": "
                + race.later().operation() + " in thread \"" + race.later().threadName() + "\" and "
                + race.earlier().operation() + " in thread \"" + race.earlier().threadName() + "\" are not ordered"
                + (race.patched() ? " (the map is patched in this run)" : "")));
        result.put("locations", List.of(location(race.later(), null)));
        result.put("relatedLocations", List.of(location(race.earlier(), 1)));
        result.put("partialFingerprints", Map.of("cacheguardRace/v1", race.map() + " " + race.kind().label() + " "
                + frame(race.earlier()) + " " + frame(race.later())));
        return result;
    }

    private static String frame(Site site) {
        StackTraceElement top = site.top();
        return top == null ? "?" : top.getClassName() + "." + top.getMethodName();
    }

    private static Map<String, Object> location(Site site, Integer id) {
        Map<String, Object> location = new LinkedHashMap<>();
        if (id != null) {
            location.put("id", id);
            location.put("message",
                    SarifLog.text("earlier " + site.operation() + " in thread \"" + site.threadName() + "\""));
        }
        StackTraceElement top = site.top();
        if (top != null) {
            Map<String, Object> artifact = new LinkedHashMap<>();
            artifact.put("uri", SourcePath.of(top.getClassName(), top.getFileName()));
            artifact.put("uriBaseId", "%SRCROOT%");
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", artifact);
            if (top.getLineNumber() > 0) {
                physical.put("region", Map.of("startLine", top.getLineNumber()));
            }
            location.put("physicalLocation", physical);
            location.put("logicalLocations", List.of(Map.of("fullyQualifiedName",
                    top.getClassName() + "." + top.getMethodName(), "kind", "function")));
        }
        return location;
    }
}

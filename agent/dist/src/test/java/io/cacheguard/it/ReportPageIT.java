package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.parser.HTMLParserListener;
import org.htmlunit.javascript.JavaScriptErrorListener;
import org.htmlunit.util.WebConnectionWrapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report FILE --html DIR} on what the real agent wrote: the seed sample run twice with
 * {@code report=FILE} (so the file holds two runs, as an appended report does), the page opened in
 * a browser engine (HtmlUnit) that fails on any script error, HTML parse error or request. The page
 * must show both stacks of every race event and the counts of every summary event; cut mid-line, as
 * a JVM killed while writing leaves it, the file still renders with the cut line named.
 */
class ReportPageIT {
    @TempDir
    static Path temp;

    static Path report;
    static List<Map<String, Object>> events;

    @BeforeAll
    static void runTheSeedSampleTwiceIntoOneReport() throws Exception {
        report = temp.resolve("cacheguard.jsonl");
        // the default (the watch detector: races that overlap in time, so how many is up to the
        // scheduler), then the happens-before detector, which reports the seed's race every run
        for (String options : List.of("report=" + report, "detector=hb,report=" + report)) {
            ChildJvm.Result result = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=" + options,
                    "-jar", SamplesWithAgentIT.samplesJar().toString());
            assertEquals(0, result.exitCode, result::toString);
            assertTrue(result.stdout.contains("RESULT expiring-cache OK"), result::toString);
        }
        events = ReportFile.read(report).events;
        assertEquals(2, count(events, "start"));
        assertEquals(2, count(events, "summary"));
        assertTrue(byName(runs(events).get(1), "race").stream().anyMatch(race -> "hb".equals(race.get("detector"))),
                "the seed sample races: " + events);
    }

    @Test
    void thePageShowsEveryRunsCountsAndBothStacksOfEveryRace() throws Exception {
        Path site = temp.resolve("site");
        ChildJvm.Result result = report(report.toString(), "--html", site.toString());
        assertEquals(0, result.exitCode, result::toString);
        assertEquals("", result.stdout, result::toString);
        assertTrue(result.stderr.startsWith("cacheguard report: " + events.size() + " lines, 2 runs, "), result::toString);

        HtmlPage page = browse(site.resolve("index.html"));
        assertEquals(null, page.getElementById("bad-lines"), "a whole report has no bad line");
        List<List<Map<String, Object>>> runs = runs(events);
        assertEquals(2, runs.size());
        for (int r = 0; r < runs.size(); r++) {
            DomElement section = page.getElementById("run-" + (r + 1));
            assertNotNull(section, "run " + (r + 1));
            assertSummaryShown(section, runs.get(r));
            assertRacesShown(page, "run-" + (r + 1), runs.get(r));
        }
    }

    @Test
    void aReportCutMidLineStillRendersWithTheCutLineNamed() throws Exception {
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        int lastRace = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"event\":\"race\"")) {
                lastRace = i;
            }
        }
        String raceLine = lines.get(lastRace);
        // killed while writing the last race: the lines before it whole, half of it, nothing after
        Path cut = temp.resolve("cut.jsonl");
        Files.writeString(cut, String.join("\n", lines.subList(0, lastRace)) + "\n"
                + raceLine.substring(0, raceLine.length() / 2), StandardCharsets.UTF_8);
        List<Map<String, Object>> whole = events.subList(0, lastRace);

        Path site = temp.resolve("cut-site");
        ChildJvm.Result result = report(cut.toString(), "--html", site.toString());
        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.stderr.contains(", 1 bad line; page written to "), result::toString);

        HtmlPage page = browse(site.resolve("index.html"));
        DomElement bad = page.getElementById("bad-lines");
        assertNotNull(bad, page::asXml);
        assertTrue(bad.asNormalizedText().startsWith("1 bad line"), bad::asNormalizedText);
        DomElement named = page.getFirstByXPath("//section[@id='bad-lines']//li[@data-line='" + (lastRace + 1) + "']");
        assertNotNull(named, bad::asXml);
        assertTrue(named.asNormalizedText().startsWith("line " + (lastRace + 1) + ": cut short ("), named::asNormalizedText);

        List<List<Map<String, Object>>> runs = runs(whole);
        for (int r = 0; r < runs.size(); r++) {
            DomElement section = page.getElementById("run-" + (r + 1));
            assertSummaryShown(section, runs.get(r));
            assertRacesShown(page, "run-" + (r + 1), runs.get(r));
        }
        DomElement cutRun = page.getElementById("run-" + runs.size());
        assertTrue(cutRun.asNormalizedText().contains("no summary event"), cutRun::asNormalizedText);
    }

    @Test
    void withoutHtmlTheSameIsPrintedAsText() throws Exception {
        ChildJvm.Result result = report(report.toString());
        assertEquals(0, result.exitCode, result::toString);
        assertEquals("", result.stderr, result::toString);
        String text = result.stdout;
        assertTrue(text.startsWith("cacheguard race report: " + report + ": " + events.size() + " lines, 2 runs, "), text);
        List<List<Map<String, Object>>> runs = runs(events);
        for (int r = 0; r < runs.size(); r++) {
            Map<String, Object> summary = only(runs.get(r), "summary");
            assertTrue(text.contains("run " + (r + 1) + ": pid " + only(runs.get(r), "start").get("pid") + ", "), text);
            assertTrue(text.contains("; races: " + summary.get("distinctRaces") + " distinct, " + racesInAll(summary)
                    + " in all"), text);
        }
        for (Map<String, Object> race : byName(events, "race")) {
            for (String side : List.of("earlier", "later")) {
                Map<?, ?> access = (Map<?, ?>) race.get(side);
                assertTrue(text.contains("    " + side + ": " + access.get("operation") + " in thread \""
                        + access.get("thread") + "\" (id " + access.get("threadId") + ")"), text);
                for (Object frame : (List<?>) access.get("stack")) {
                    assertTrue(text.contains("at " + frame), frame::toString);
                }
            }
        }

        Path cut = temp.resolve("cut-text.jsonl");
        String content = Files.readString(report, StandardCharsets.UTF_8);
        Files.writeString(cut, content.substring(0, content.length() - 10), StandardCharsets.UTF_8);
        ChildJvm.Result truncated = report(cut.toString());
        assertEquals(0, truncated.exitCode, truncated::toString);
        assertTrue(truncated.stdout.contains("1 bad line (not read; everything else is shown):" + System.lineSeparator()
                + "  line " + events.size() + ": cut short ("), truncated::toString);
    }

    @Test
    void threadNamesWithMarkupAreShownAsTextAndInjectNothing() throws Exception {
        String image = "<img src=x onerror=alert(document.title)>";
        String breakout = "</td></tr></table><script>alert(2)</script>";
        Path hostile = temp.resolve("hostile.jsonl");
        ChildJvm.Result app = ChildJvm.run("-javaagent:" + ChildJvm.agentJar() + "=mode=detect,report=" + hostile,
                "-cp", ChildJvm.testClasspath(), "io.cacheguard.it.fixtures.HostileNamesRaceApp", image, breakout);
        assertEquals(0, app.exitCode, app::toString);
        List<Map<String, Object>> raced = byName(ReportFile.read(hostile).events, "race");
        assertFalse(raced.isEmpty(), app::toString);

        Path site = temp.resolve("hostile-site");
        ChildJvm.Result result = report(hostile.toString(), "--html", site.toString());
        assertEquals(0, result.exitCode, result::toString);
        HtmlPage page = browse(site.resolve("index.html"));
        assertEquals(0, page.getElementsByTagName("img").size(), page::asXml);
        assertEquals(0, page.getElementsByTagName("script").size(), page::asXml);
        String text = page.asNormalizedText();
        assertTrue(text.contains("in thread \"" + image + "\"") || text.contains("in thread \"" + breakout + "\""), text);
        assertRacesShown(page, "run-1", ReportFile.read(hostile).events);
    }

    /** The counts table of a run against its summary event, and the races per field against the summary's. */
    private static void assertSummaryShown(DomElement section, List<Map<String, Object>> run) {
        Map<String, Object> summary = byName(run, "summary").isEmpty() ? null : only(run, "summary");
        if (summary != null) {
            for (String key : List.of("patched", "tracked", "skipped", "safe", "errors", "distinctRaces")) {
                assertEquals(String.valueOf(summary.get(key)), countShown(section, key), key);
            }
            assertEquals(String.valueOf(racesInAll(summary)), countShown(section, "races"));
            for (Map.Entry<?, ?> field : ((Map<?, ?>) summary.get("races")).entrySet()) {
                DomElement row = section.getFirstByXPath(".//table[@class='race-fields']/tbody/tr[@data-field='" + field.getKey() + "']");
                assertNotNull(row, field::toString);
                assertEquals(String.valueOf(field.getValue()),
                        ((DomElement) row.getFirstByXPath("./td[contains(@class,'in-all')]")).asNormalizedText());
                boolean sampled = ((List<?>) summary.get("sampledRaceCounts")).contains(field.getKey());
                assertEquals(sampled ? "a lower bound: accesses sampled once hot" : "",
                        ((DomElement) row.getFirstByXPath("./td[@class='sampled']")).asNormalizedText());
                long distinct = byName(run, "race").stream()
                        .filter(race -> (race.get("class") + "." + race.get("field")).equals(field.getKey())).count();
                assertEquals(String.valueOf(distinct),
                        ((DomElement) row.getFirstByXPath("./td[contains(@class,'distinct')]")).asNormalizedText());
            }
        } else {
            assertEquals(String.valueOf(byName(run, "patched").size()), countShown(section, "patched"));
            assertEquals(String.valueOf(byName(run, "race").size()), countShown(section, "distinctRaces"));
            assertEquals("unknown (no summary)", countShown(section, "races"));
        }
    }

    /** Every race event of the run is an article naming both threads and holding every frame of both stacks. */
    private static void assertRacesShown(HtmlPage page, String runId, List<Map<String, Object>> run) {
        List<Map<String, Object>> races = byName(run, "race");
        List<?> articles = page.getByXPath("//section[@id='" + runId + "']//article[@class='race']");
        assertEquals(races.size(), articles.size(), runId);
        for (int i = 0; i < races.size(); i++) {
            Map<String, Object> race = races.get(i);
            DomElement article = page.getElementById(runId + "-race-" + (i + 1));
            assertNotNull(article, runId + " race " + (i + 1));
            String visible = article.asNormalizedText();
            assertTrue(visible.contains(race.get("kind") + " on " + race.get("class") + "." + race.get("field")), visible);
            assertEquals(race.get("detector"), ((DomElement) article.getFirstByXPath(".//span[@class='detector']")).getTextContent());
            String all = article.getTextContent();
            for (String side : List.of("earlier", "later")) {
                Map<?, ?> access = (Map<?, ?>) race.get(side);
                assertTrue(visible.contains(side + ": " + access.get("operation") + " in thread \"" + access.get("thread")
                        + "\" (id " + access.get("threadId") + ")"), visible);
                List<?> stack = (List<?>) access.get("stack");
                DomElement top = article.getFirstByXPath(".//table[@class='frames']/tbody/tr[1]/td[@class='" + side + "']");
                assertEquals("at " + stack.get(0), top.asNormalizedText(), "the map access, first and in view");
                for (Object frame : stack) {
                    assertTrue(all.contains("at " + frame), frame + " in " + all);
                }
            }
        }
    }

    private static String countShown(DomElement section, String key) {
        DomElement cell = section.getFirstByXPath(".//td[@data-count='" + key + "']");
        assertNotNull(cell, key);
        return cell.asNormalizedText();
    }

    /** Opens the page in HtmlUnit with JavaScript on; any script error, HTML error or request fails the test. */
    private static HtmlPage browse(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            browser.setJavaScriptErrorListener(new JavaScriptErrorListener() {
                @Override
                public void scriptException(HtmlPage page, ScriptException e) {
                    problems.add("script: " + e);
                }

                @Override
                public void timeoutError(HtmlPage page, long allowed, long taken) {
                    problems.add("script timeout");
                }

                @Override
                public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
                    problems.add("script URL: " + url);
                }

                @Override
                public void loadScriptError(HtmlPage page, URL url, Exception e) {
                    problems.add("script load: " + url);
                }

                @Override
                public void warn(String message, String source, int line, String lineSource, int offset) {
                    problems.add("script warning: " + message);
                }
            });
            browser.setHTMLParserListener(new HTMLParserListener() {
                @Override
                public void error(String message, URL url, String html, int line, int column, String key) {
                    problems.add("HTML error at " + line + ":" + column + ": " + message);
                }

                @Override
                public void warning(String message, URL url, String html, int line, int column, String key) {
                    problems.add("HTML warning at " + line + ":" + column + ": " + message);
                }
            });
            browser.setWebConnection(new WebConnectionWrapper(browser) {
                @Override
                public WebResponse getResponse(WebRequest request) throws IOException {
                    problems.add("request: " + request.getUrl()); // the page is self-contained: nothing to fetch
                    throw new IOException("no network for the report page: " + request.getUrl());
                }
            });
            HtmlPage page = browser.getPage(file.toUri().toURL());
            browser.waitForBackgroundJavaScript(1_000);
            assertEquals(List.of(), problems);
            assertTrue(page.getTitleText().startsWith("cacheguard race report: "), page::getTitleText);
            assertEquals(0, page.getElementsByTagName("script").size());
            assertFalse(page.asNormalizedText().isBlank());
            return page;
        }
    }

    private static ChildJvm.Result report(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("-jar", ChildJvm.agentJar().toString(), "report"));
        command.addAll(List.of(args));
        return ChildJvm.run(command.toArray(String[]::new));
    }

    /** The events split at each start event, as the page splits them into runs. */
    private static List<List<Map<String, Object>>> runs(List<Map<String, Object>> events) {
        List<List<Map<String, Object>>> runs = new ArrayList<>();
        for (Map<String, Object> event : events) {
            if ("start".equals(event.get("event")) || runs.isEmpty()) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(event);
        }
        return runs;
    }

    private static long racesInAll(Map<String, Object> summary) {
        return ((Map<?, ?>) summary.get("races")).values().stream().mapToLong(count -> (Long) count).sum();
    }

    private static List<Map<String, Object>> byName(List<Map<String, Object>> events, String name) {
        return events.stream().filter(event -> name.equals(event.get("event"))).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> events, String name) {
        List<Map<String, Object>> matching = byName(events, name);
        assertEquals(1, matching.size(), name);
        return matching.get(0);
    }

    private static long count(List<Map<String, Object>> events, String name) {
        return byName(events, name).size();
    }
}

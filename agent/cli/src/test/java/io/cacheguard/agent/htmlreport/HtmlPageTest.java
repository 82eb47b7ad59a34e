package io.cacheguard.agent.htmlreport;

import static io.cacheguard.agent.htmlreport.ReportLines.file;
import static io.cacheguard.agent.htmlreport.ReportLines.patched;
import static io.cacheguard.agent.htmlreport.ReportLines.race;
import static io.cacheguard.agent.htmlreport.ReportLines.read;
import static io.cacheguard.agent.htmlreport.ReportLines.start;
import static io.cacheguard.agent.htmlreport.ReportLines.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlPageTest {
    static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&";

    @Test
    void namesFromTheProgramCannotInjectMarkup() throws Exception {
        String owner = "com.acme.Cache" + HOSTILE;
        String page = HtmlPage.render(read(file(start(1, "both"),
                patched(owner, "f" + HOSTILE, "put at " + HOSTILE + " holds no lock"),
                race(owner, "f" + HOSTILE, "read-write", "thread" + HOSTILE + "\u202e\u001b[2J",
                        List.of("a." + HOSTILE + ".get(X.java:1)"), "worker</td></tr></table>", List.of("b.C.d(C.java:2)")),
                summary(1, Map.of(owner + ".f" + HOSTILE, 3L), 1))));
        assertFalse(page.contains("<script"), "no script element at all");
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("</td></tr></table>\""), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;"), page);
        assertTrue(page.contains("thread&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;\\u202e\\u001b[2J"),
                "the bidi override and ESC shown as escapes, as the log shows them");
        assertFalse(page.contains("\u202e") || page.contains("\u001b"));
        // every tag the page has is one the page itself writes
        Matcher tags = Pattern.compile("<(/?)([a-zA-Z0-9!]+)").matcher(page);
        List<String> allowed = List.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4",
                "p", "code", "span", "section", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "article");
        while (tags.find()) {
            assertTrue(allowed.contains(tags.group(2)), "unexpected tag " + tags.group());
        }
    }

    @Test
    void thePageFetchesNothingAndRunsNoScript() throws Exception {
        String page = HtmlPage.render(read(ReportReaderTest.oneRun()));
        for (String reference : List.of("src=", "href=", "url(", "@import", "http:", "https:", "<script", "<link")) {
            assertFalse(page.contains(reference), reference);
        }
        assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    }

    @Test
    void theStacksStandSideBySideWithTheDifferingRowsMarkedAndTheSharedCallersFolded() throws Exception {
        String page = HtmlPage.render(read(ReportReaderTest.oneRun()));
        String first = page.substring(page.indexOf("<article class=\"race\" id=\"run-1-race-1\""), page.indexOf("</article>"));
        assertTrue(first.contains("<thead><tr><th>earlier: remove in thread &quot;worker-7&quot; (id 21)</th><th>later: get in thread &quot;worker-6&quot; (id 20)</th></tr></thead>"), first);
        assertTrue(first.contains("<tr class=\"differs\"><td class=\"earlier\">at com.acme.ExpiringCache.get(ExpiringCache.java:47)</td>"
                + "<td class=\"later\">at com.acme.ExpiringCache.get(ExpiringCache.java:41)</td></tr>"), first);
        assertTrue(first.contains("<details class=\"shared\"><summary>1 shared caller frame (the same in both stacks)</summary>"), first);
        assertTrue(first.contains("<li>at com.acme.Main.run(Main.java:9)</li>"), first);
        assertTrue(first.contains("<span class=\"detector\">hb</span>"), first);
    }

    @Test
    void theCountsAreTheSummarysAndTheBadLinesAreNamed() throws Exception {
        String[] lines = ReportReaderTest.oneRun().split("\n");
        String page = HtmlPage.render(read(String.join("\n", lines) + "\n{\"event\":\"race\",\"ki"));
        assertTrue(page.contains("<td class=\"n\" data-count=\"patched\">1</td>"), page);
        assertTrue(page.contains("<td class=\"n\" data-count=\"distinctRaces\">2</td>"), page);
        assertTrue(page.contains("<td class=\"n\" data-count=\"races\">1340</td>"), page);
        assertTrue(page.contains("<li data-line=\"6\">line 6: cut short ("), page);
        assertTrue(page.contains("<span id=\"overview\">6 lines, 1 run, 2 distinct races, 1 bad line</span>"), page);
        assertEquals(2, page.split("<article class=\"race\"", -1).length - 1);
    }
}

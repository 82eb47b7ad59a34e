package io.cacheguard.agent.htmlreport;

import java.util.List;
import java.util.Map;

/**
 * The report as one static page: no script, no font, nothing fetched (its own Content Security
 * Policy forbids it), so it opens from a CI artifact or a mail attachment as it is. A summary per
 * run, then each distinct race with its two stacks side by side: the rows where they differ marked,
 * the callers they share folded into a {@code <details>}.
 */
final class HtmlPage {
    /** Bad lines named one by one; past this, only counted (a binary file given by mistake has millions). */
    static final int MAX_BAD_LINES_NAMED = 100;

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5em;color:#1b1b1b;line-height:1.4}",
            "h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:1.5em}",
            "h3{font-size:1.05em;margin-top:1.2em}h4{font-size:1em;margin:.2em 0}",
            "table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}",
            "td.n{text-align:right;font-variant-numeric:tabular-nums}",
            "code,.frames td,.frames li{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em}",
            "table.frames{width:100%;table-layout:fixed}.frames td{word-break:break-all}",
            "tr.differs td{background:#fff1c2}tr.differs td:first-child{border-left:4px solid #d98e04}",
            "details.shared ol{margin:.2em 0}article.race{border:1px solid #ccc;border-radius:4px;padding:.6em;margin:.8em 0}",
            ".bad{background:#fdecea;border:1px solid #e0a0a0;padding:.5em;border-radius:4px}",
            ".note{color:#8a5300}.muted{color:#666}.patched{color:#0a6b2b}.tracked,.skipped,.error{color:#a33}");

    private final StringBuilder out = new StringBuilder(1 << 16);

    private HtmlPage() {
    }

    static String render(RaceReport report) {
        HtmlPage page = new HtmlPage();
        page.document(report);
        return page.out.toString();
    }

    private void document(RaceReport report) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>cacheguard race report: ").append(Shown.html(report.source())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
                .append("<h1>cacheguard race report</h1>\n")
                .append("<p><code>").append(Shown.html(report.source())).append("</code>: <span id=\"overview\">")
                .append(Shown.html(report.overview())).append("</span></p>\n");
        badLines(report.badLines());
        for (Run run : report.runs()) {
            run(run);
        }
        out.append("</body>\n</html>\n");
    }

    private void badLines(List<BadLine> bad) {
        if (bad.isEmpty()) {
            return;
        }
        out.append("<section id=\"bad-lines\" class=\"bad\">\n<h2>").append(RaceReport.plural(bad.size(), "bad line"))
                .append("</h2>\n<p>These lines could not be read; the page shows everything else.</p>\n<ul>\n");
        for (BadLine line : bad.subList(0, Math.min(bad.size(), MAX_BAD_LINES_NAMED))) {
            out.append("<li data-line=\"").append(line.number()).append("\">line ").append(line.number()).append(": ")
                    .append(Shown.html(line.reason())).append("</li>\n");
        }
        if (bad.size() > MAX_BAD_LINES_NAMED) {
            out.append("<li>and ").append(bad.size() - MAX_BAD_LINES_NAMED).append(" more</li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    private void run(Run run) {
        String id = "run-" + run.number;
        out.append("<section class=\"run\" id=\"").append(id).append("\">\n<h2>Run ").append(run.number).append(": ")
                .append(Shown.html(run.title())).append("</h2>\n");
        if (!run.options().isEmpty()) {
            out.append("<p class=\"muted\">options: <code>").append(Shown.html(run.options())).append("</code></p>\n");
        }
        String note = run.summaryNote();
        if (note != null) {
            out.append("<p class=\"note\">").append(Shown.html(note)).append("</p>\n");
        }
        counts(run);
        raceFields(run);
        fields(run);
        races(run, id);
        if (!run.notes.isEmpty()) {
            out.append("<h3>Other events</h3>\n<ul class=\"notes\">\n");
            for (String text : run.notes) {
                out.append("<li>").append(Shown.html(text)).append("</li>\n");
            }
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private void counts(Run run) {
        out.append("<table class=\"counts\">\n<tbody>\n");
        count("patched", "patched fields", run.count("patched"));
        count("tracked", "tracked fields", run.count("tracked"));
        count("skipped", "skipped fields", run.count("skipped"));
        count("safe", "safe fields", run.count("safe"));
        count("errors", "errors", run.errors());
        count("distinctRaces", "distinct races", run.distinctRaces());
        count("races", "races in all (repeats included)", run.racesInAll());
        out.append("</tbody>\n</table>\n");
    }

    private void count(String key, String label, long value) {
        out.append("<tr><th>").append(label).append("</th><td class=\"n\" data-count=\"").append(key).append("\">")
                .append(value < 0 ? "unknown (no summary)" : Long.toString(value)).append("</td></tr>\n");
    }

    private void raceFields(Run run) {
        Map<String, Run.FieldRaces> fields = run.raceFields();
        if (fields.isEmpty()) {
            out.append("<p>No race reported.</p>\n");
            return;
        }
        out.append("<h3>Races per field</h3>\n<table class=\"race-fields\">\n")
                .append("<thead><tr><th>field</th><th>distinct races</th><th>races in all</th><th></th></tr></thead>\n<tbody>\n");
        for (Run.FieldRaces field : fields.values()) {
            out.append("<tr data-field=\"").append(Shown.html(field.field)).append("\"><td><code>")
                    .append(Shown.html(field.field)).append("</code></td><td class=\"n distinct\">").append(field.distinct)
                    .append("</td><td class=\"n in-all\">")
                    .append(field.inAll < 0 ? "unknown (no summary)" : Long.toString(field.inAll))
                    .append("</td><td class=\"sampled\">").append(field.sampled ? "a lower bound: accesses sampled once hot" : "")
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void fields(Run run) {
        List<FieldEvent> decided = run.fields.stream().filter(field -> !field.event().equals("safe")).toList();
        List<FieldEvent> safe = run.fields.stream().filter(field -> field.event().equals("safe")).toList();
        if (!decided.isEmpty()) {
            out.append("<h3>Fields patched, tracked, skipped, and errors</h3>\n");
            fieldTable(decided);
        }
        if (!safe.isEmpty()) {
            out.append("<details><summary>").append(RaceReport.plural(safe.size(), "safe field"))
                    .append(" (nothing to do)</summary>\n");
            fieldTable(safe);
            out.append("</details>\n");
        }
    }

    private void fieldTable(List<FieldEvent> fields) {
        out.append("<table class=\"fields\">\n<thead><tr><th>verdict</th><th>field</th><th>type</th><th>reason</th></tr></thead>\n<tbody>\n");
        for (FieldEvent field : fields) {
            out.append("<tr class=\"").append(Shown.html(field.event())).append("\"><td>").append(Shown.html(field.event()))
                    .append(field.loaders() > 1 ? " (" + field.loaders() + " class loaders)" : "")
                    .append("</td><td><code>").append(Shown.html(field.subject())).append("</code></td><td><code>")
                    .append(field.declaredType() == null ? "" : Shown.html(field.declaredType())).append("</code></td><td>");
            List<String> reasons = field.reasons();
            if (!reasons.isEmpty()) {
                out.append(Shown.html(reasons.get(0)));
            }
            if (reasons.size() > 1) {
                out.append("<details><summary>").append(RaceReport.plural(reasons.size() - 1, "more reason"))
                        .append("</summary>\n<ul>\n");
                for (String reason : reasons.subList(1, reasons.size())) {
                    out.append("<li>").append(Shown.html(reason)).append("</li>\n");
                }
                out.append("</ul></details>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void races(Run run, String runId) {
        if (run.races.isEmpty()) {
            return;
        }
        out.append("<h3>Races</h3>\n<p class=\"muted\">Earlier access on the left, later on the right, map access"
                + " first; marked rows are where the two stacks differ.</p>\n");
        int number = 0;
        for (RaceEvent race : run.races) {
            race(race, runId + "-race-" + ++number);
        }
    }

    private void race(RaceEvent race, String id) {
        out.append("<article class=\"race\" id=\"").append(id).append("\" data-line=\"").append(race.line())
                .append("\">\n<h4>").append(Shown.html(race.headline())).append("</h4>\n<p class=\"muted\">")
                .append(Shown.html(race.mapDescription())).append(", detector <span class=\"detector\">")
                .append(Shown.html(race.detector())).append("</span></p>\n");
        StackComparison stacks = StackComparison.of(race.earlier().stack(), race.later().stack());
        out.append("<table class=\"frames\">\n<thead><tr><th>earlier: ").append(Shown.html(race.earlier().headline()))
                .append("</th><th>later: ").append(Shown.html(race.later().headline())).append("</th></tr></thead>\n<tbody>\n");
        for (StackComparison.Row row : stacks.rows()) {
            out.append(row.differs() ? "<tr class=\"differs\">" : "<tr class=\"same\">");
            frame(row.earlier(), "earlier");
            frame(row.later(), "later");
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (!stacks.sharedCallers().isEmpty()) {
            out.append("<details class=\"shared\"><summary>")
                    .append(RaceReport.plural(stacks.sharedCallers().size(), "shared caller frame"))
                    .append(" (the same in both stacks)</summary>\n<ol class=\"frames\">\n");
            for (String frame : stacks.sharedCallers()) {
                out.append("<li>at ").append(Shown.html(frame)).append("</li>\n");
            }
            out.append("</ol></details>\n");
        }
        out.append("</article>\n");
    }

    private void frame(String frame, String side) {
        out.append("<td class=\"").append(side).append("\">");
        if (frame != null) {
            out.append("at ").append(Shown.html(frame));
        }
        out.append("</td>");
    }
}

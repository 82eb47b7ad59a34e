package io.cacheguard.agent.htmlreport;

import java.util.List;
import java.util.Map;

/**
 * The page as plain text, for a terminal or a CI log: the same runs, counts, fields and races, the
 * differing frames marked with {@code *}, the shared callers listed once after both stacks. Every
 * value from the program is escaped as the agent's log escapes it, so a name cannot end a line,
 * forge one or send a terminal an escape sequence.
 */
final class TextReport {
    private final StringBuilder out = new StringBuilder(1 << 14);

    private TextReport() {
    }

    static String render(RaceReport report) {
        TextReport text = new TextReport();
        text.document(report);
        return text.out.toString();
    }

    private void document(RaceReport report) {
        line("cacheguard race report: " + esc(report.source()) + ": " + report.overview());
        List<BadLine> bad = report.badLines();
        if (!bad.isEmpty()) {
            line("");
            line(RaceReport.plural(bad.size(), "bad line") + " (not read; everything else is shown):");
            for (BadLine badLine : bad.subList(0, Math.min(bad.size(), HtmlPage.MAX_BAD_LINES_NAMED))) {
                line("  line " + badLine.number() + ": " + esc(badLine.reason()));
            }
            if (bad.size() > HtmlPage.MAX_BAD_LINES_NAMED) {
                line("  and " + (bad.size() - HtmlPage.MAX_BAD_LINES_NAMED) + " more");
            }
        }
        for (Run run : report.runs()) {
            run(run);
        }
    }

    private void run(Run run) {
        line("");
        line("run " + run.number + ": " + esc(run.title()));
        if (!run.options().isEmpty()) {
            line("  options: " + esc(run.options()));
        }
        String note = run.summaryNote();
        if (note != null) {
            line("  note: " + note);
        }
        long inAll = run.racesInAll();
        line("  patched " + run.count("patched") + ", tracked " + run.count("tracked") + ", skipped "
                + run.count("skipped") + ", safe " + run.count("safe") + ", errors " + run.errors()
                + "; races: " + run.distinctRaces() + " distinct, " + (inAll < 0 ? "unknown (no summary)" : inAll)
                + " in all");
        Map<String, Run.FieldRaces> raceFields = run.raceFields();
        if (!raceFields.isEmpty()) {
            line("  races per field:");
            for (Run.FieldRaces field : raceFields.values()) {
                line("    " + esc(field.field) + ": " + field.distinct + " distinct, "
                        + (field.inAll < 0 ? "unknown (no summary)" : field.inAll) + " in all"
                        + (field.sampled ? " (a lower bound: accesses sampled once hot)" : ""));
            }
        }
        List<FieldEvent> decided = run.fields.stream().filter(field -> !field.event().equals("safe")).toList();
        if (!decided.isEmpty()) {
            line("  fields:");
            for (FieldEvent field : decided) {
                field(field);
            }
        }
        long safe = run.fields.stream().filter(field -> field.event().equals("safe")).count();
        if (safe > 0) {
            line("  " + RaceReport.plural(safe, "safe field") + " (nothing to do; the page lists them)");
        }
        int number = 0;
        for (RaceEvent race : run.races) {
            race(race, ++number);
        }
        for (String other : run.notes) {
            line("  " + esc(other));
        }
    }

    private void field(FieldEvent field) {
        StringBuilder text = new StringBuilder("    ").append(field.event()).append(' ').append(esc(field.subject()));
        if (field.declaredType() != null) {
            text.append(" (").append(esc(field.declaredType())).append(')');
        }
        if (!field.reasons().isEmpty()) {
            text.append(": ").append(esc(field.reasons().get(0)));
        }
        if (field.reasons().size() > 1) {
            text.append(" (and ").append(RaceReport.plural(field.reasons().size() - 1, "more reason")).append(')');
        }
        if (field.loaders() > 1) {
            text.append(" [").append(field.loaders()).append(" class loaders]");
        }
        line(text.toString());
    }

    private void race(RaceEvent race, int number) {
        line("  race " + number + ": " + esc(race.headline()) + " (" + esc(race.mapDescription()) + ", detector "
                + esc(race.detector()) + ")");
        StackComparison stacks = StackComparison.of(race.earlier().stack(), race.later().stack());
        side("earlier: " + race.earlier().headline(), stacks, true);
        side("later: " + race.later().headline(), stacks, false);
        if (!stacks.sharedCallers().isEmpty()) {
            line("    shared callers (" + RaceReport.plural(stacks.sharedCallers().size(), "frame") + ", the same in both):");
            for (String frame : stacks.sharedCallers()) {
                line("          at " + esc(frame));
            }
        }
    }

    /** One stack's own frames; {@code *} marks a frame the other stack does not have in that row. */
    private void side(String headline, StackComparison stacks, boolean earlier) {
        line("    " + esc(headline));
        for (StackComparison.Row row : stacks.rows()) {
            String frame = earlier ? row.earlier() : row.later();
            if (frame != null) {
                line("      " + (row.differs() ? "* " : "  ") + "at " + esc(frame));
            }
        }
    }

    private void line(String text) {
        out.append(text).append(System.lineSeparator());
    }

    private static String esc(String value) {
        return Shown.plain(value);
    }
}

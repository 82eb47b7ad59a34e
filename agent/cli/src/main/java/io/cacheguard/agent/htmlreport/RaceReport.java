package io.cacheguard.agent.htmlreport;

import java.util.List;

/** A report file as read: its runs in file order, and the lines that could not be read. */
record RaceReport(String source, int lines, List<Run> runs, List<BadLine> badLines) {

    int races() {
        return runs.stream().mapToInt(run -> run.races.size()).sum();
    }

    /** {@code 812 lines, 1 run, 6 races, 0 bad lines}: the first line of the page and of the text. */
    String overview() {
        return plural(lines, "line") + ", " + plural(runs.size(), "run") + ", " + plural(races(), "distinct race")
                + ", " + plural(badLines.size(), "bad line");
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

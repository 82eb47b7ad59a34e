package io.cacheguard.agent.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A source map (JSR-45, the {@code SourceDebugExtension} attribute): which line of which source file
 * each line number of a class file stands for. kotlinc writes one to every class with inlined code:
 * the body of an inline function gets line numbers past the end of the caller's file, which only
 * the map turns back into the function's own file and line (stratum {@code Kotlin}), and into the
 * line that called it (stratum {@code KotlinDebug}).
 *
 * <p>Only what a line lookup needs is read: the default stratum's name, and per stratum its file
 * section ({@code *F}: {@code [+ ]id name}, with the path on the next line after a {@code +}) and
 * line section ({@code *L}: {@code InputStartLine[#FileId][,RepeatCount]:OutputStartLine[,OutputLineIncrement]}).
 * Anything else ({@code *V}, {@code *O}/{@code *C} embedded maps) is skipped; a map that does not
 * read as the format says is no map ({@link #parse} answers null).
 */
final class Smap {
    /** A source position: the file's name (as in a SourceFile attribute), its path if given, and a line. */
    static final class Position {
        final String file;
        final String path;
        final int line;

        Position(String file, String path, int line) {
            this.file = file;
            this.path = path;
            this.line = line;
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    private static final class Range {
        final int inputStart;
        final String[] file; // name, path
        final int repeat;
        final int outputStart;
        final int increment;

        Range(int inputStart, String[] file, int repeat, int outputStart, int increment) {
            this.inputStart = inputStart;
            this.file = file;
            this.repeat = repeat;
            this.outputStart = outputStart;
            this.increment = increment;
        }

        /** The input line that output line {@code line} stands for, or -1 outside this range. */
        int inputLine(int line) {
            if (increment == 0) { // every input line of the range became this one output line
                return line == outputStart ? inputStart : -1;
            }
            if (line < outputStart || line >= outputStart + (long) repeat * increment) {
                return -1;
            }
            return inputStart + (line - outputStart) / increment;
        }
    }

    private final String defaultStratum;
    private final Map<String, List<Range>> strata;

    private Smap(String defaultStratum, Map<String, List<Range>> strata) {
        this.defaultStratum = defaultStratum;
        this.strata = strata;
    }

    String defaultStratum() {
        return defaultStratum;
    }

    /** Where a line number of the class file points in the default stratum, or null if the map does not say. */
    Position map(int line) {
        return map(defaultStratum, line);
    }

    /** Where a line number of the class file points in {@code stratum}, or null if that stratum does not say. */
    Position map(String stratum, int line) {
        List<Range> ranges = strata.get(stratum);
        if (ranges == null || line <= 0) {
            return null;
        }
        for (Range range : ranges) {
            int input = range.inputLine(line);
            if (input > 0) {
                return new Position(range.file[0], range.file[1], input);
            }
        }
        return null;
    }

    /** The map in a SourceDebugExtension, or null if there is none or it does not read as JSR-45 says. */
    static Smap parse(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\r\n|\r|\n");
        if (lines.length < 3 || !lines[0].trim().equals("SMAP")) {
            return null;
        }
        String defaultStratum = lines[2].trim();
        Map<String, List<Range>> strata = new HashMap<>();
        try {
            String stratum = null;
            Map<Integer, String[]> files = new HashMap<>();
            String section = "";
            String[] lastFile = null;
            for (int i = 3; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.startsWith("*")) {
                    section = line.length() > 1 ? line.substring(0, 2) : line;
                    if (section.equals("*S")) {
                        stratum = line.substring(2).trim();
                        files = new HashMap<>();
                        lastFile = null;
                        strata.putIfAbsent(stratum, new ArrayList<>());
                    } else if (section.equals("*E")) {
                        break;
                    } else if (section.equals("*O") || section.equals("*C")) {
                        return null; // an embedded source map: not what any compiler we meet writes
                    }
                    continue;
                }
                if (line.isEmpty() || stratum == null) {
                    continue;
                }
                if (section.equals("*F")) {
                    boolean withPath = line.startsWith("+");
                    String entry = withPath ? line.substring(1).trim() : line;
                    int space = entry.indexOf(' ');
                    int id = Integer.parseInt(space < 0 ? entry : entry.substring(0, space));
                    String name = space < 0 ? "" : entry.substring(space + 1).trim();
                    String path = withPath && i + 1 < lines.length ? lines[++i].trim() : null;
                    files.put(id, new String[] {name, path});
                } else if (section.equals("*L")) {
                    lastFile = addRange(strata.get(stratum), line, files, lastFile);
                }
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        return strata.containsKey(defaultStratum) ? new Smap(defaultStratum, strata) : null;
    }

    /** Reads one line-section entry; @return its file, which the next entry inherits if it names none. */
    private static String[] addRange(List<Range> ranges, String entry, Map<Integer, String[]> files, String[] lastFile) {
        int colon = entry.indexOf(':');
        String input = entry.substring(0, colon);
        String output = entry.substring(colon + 1);
        String[] file = lastFile;
        int repeat = 1;
        int comma = input.indexOf(',');
        if (comma >= 0) {
            repeat = Integer.parseInt(input.substring(comma + 1).trim());
            input = input.substring(0, comma);
        }
        int hash = input.indexOf('#');
        if (hash >= 0) {
            file = files.get(Integer.parseInt(input.substring(hash + 1).trim()));
            input = input.substring(0, hash);
        }
        if (file == null) {
            file = files.get(0); // JSR-45: the file id starts at 0
        }
        if (file == null) {
            throw new IllegalArgumentException("no file for line entry " + entry);
        }
        int increment = 1;
        comma = output.indexOf(',');
        if (comma >= 0) {
            increment = Integer.parseInt(output.substring(comma + 1).trim());
            output = output.substring(0, comma);
        }
        if (repeat < 1 || increment < 0) {
            throw new IllegalArgumentException("bad line entry " + entry);
        }
        ranges.add(new Range(Integer.parseInt(input.trim()), file, repeat, Integer.parseInt(output.trim()),
                increment));
        return file;
    }
}

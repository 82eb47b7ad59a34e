package io.cacheguard.agent.htmlreport;

import io.cacheguard.agent.report.AgentLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * {@code cacheguard report}: the agent's JSON Lines report made readable, as text on stdout or as a
 * static page ({@code --html DIR} writes {@code DIR/index.html}) to keep as a CI artifact. A report
 * damaged by a killed JVM still renders: the lines that cannot be read are counted and named.
 */
public final class ReportCommand {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 2;

    static final String PREFIX = "cacheguard report: ";
    static final String SYNOPSIS = "report <report.jsonl> [--html DIR]";
    static final String PAGE = "index.html";

    private ReportCommand() {
    }

    /** @param args the arguments after {@code report} */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path report = null;
        Path html = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(usage());
                return EXIT_OK;
            } else if (arg.equals("--html")) {
                if (i + 1 == args.size() || args.get(i + 1).isEmpty()) {
                    return usageError(err, "--html needs the directory to write " + PAGE + " into");
                }
                if (html != null) {
                    return usageError(err, "--html given twice");
                }
                html = Paths.get(args.get(++i));
            } else if (arg.startsWith("-")) {
                return usageError(err, "unknown option '" + arg + "'");
            } else if (report != null) {
                return usageError(err, "one report at a time: '" + report + "' and '" + arg + "'");
            } else {
                report = Paths.get(arg);
            }
        }
        if (report == null) {
            return usageError(err, "no report named: give the file the agent's report= option wrote");
        }
        RaceReport read;
        try {
            read = read(report);
        } catch (IOException e) {
            err.println(PREFIX + AgentLog.escape(report + ": cannot read it (" + describe(e)
                    + "); give the file the agent's report= option wrote"));
            return EXIT_ERROR;
        }
        if (read.runs().isEmpty()) {
            err.println(PREFIX + AgentLog.escape(report + ": no cacheguard event in it (" + read.overview()
                    + "); give the file the agent's report= option wrote"));
            return EXIT_ERROR;
        }
        if (html == null) {
            out.print(TextReport.render(read));
            out.flush();
            return EXIT_OK;
        }
        Path page = html.resolve(PAGE);
        try {
            Files.createDirectories(html);
            Files.writeString(page, HtmlPage.render(read), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(PREFIX + AgentLog.escape(page + ": cannot write the page (" + describe(e)
                    + "); choose a directory you can write with --html"));
            return EXIT_ERROR;
        }
        err.println(PREFIX + AgentLog.escape(read.overview() + "; page written to " + page));
        return EXIT_OK;
    }

    private static RaceReport read(Path report) throws IOException {
        if (Files.isDirectory(report)) {
            throw new IOException("a directory; name one of its .jsonl files");
        }
        return ReportReader.read(report);
    }

    private static int usageError(PrintStream err, String message) {
        err.println(PREFIX + AgentLog.escape(message) + "; usage: java -jar cacheguard-agent.jar " + SYNOPSIS);
        return EXIT_ERROR;
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar cacheguard-agent.jar " + SYNOPSIS,
                "",
                "Reads the JSON Lines report the agent wrote (-javaagent:...=report=FILE) and shows it:",
                "per run (each start event in the file), the patched, tracked and skipped fields with",
                "their reasons, the race counts per field, and each distinct race with its two stacks",
                "side by side, the differing frames marked and the callers they share folded away.",
                "Lines that cannot be read (a JVM killed while writing its last line) are counted and",
                "named; the rest is shown.",
                "",
                "options:",
                "  --html DIR   write a self-contained page, DIR/" + PAGE + " (no script, nothing fetched),",
                "               instead of text on stdout; DIR is created if missing",
                "",
                "exit status: 0 shown (bad lines included), 2 bad usage, a report that cannot be read",
                "             (missing, a directory, unreadable, no cacheguard event in it), or DIR cannot",
                "             be written",
                "");
    }
}

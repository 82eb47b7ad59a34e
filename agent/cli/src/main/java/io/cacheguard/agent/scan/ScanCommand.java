package io.cacheguard.agent.scan;

import io.cacheguard.agent.analysis.Verdict;
import io.cacheguard.agent.report.AgentLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code cacheguard scan}: finds racy map caches in jars, directories and class files without
 * running them, for a build to fail on or code scanning to show. stdout carries the report and
 * nothing else, so it can be piped; everything else goes to stderr.
 */
public final class ScanCommand {
    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    static final String PREFIX = "cacheguard scan: ";
    static final String SYNOPSIS =
            "scan <jar|dir|.class>... [--all] [--targets LIST] [--format text|json|sarif] [--output FILE]"
                    + " [--max-class-size SIZE]";

    private ScanCommand() {
    }

    /** @param args the arguments after {@code scan} */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        ScanOptions options;
        try {
            options = ScanOptions.parse(args);
        } catch (UsageException e) {
            err.println(PREFIX + AgentLog.escape(e.getMessage()) + "; usage: " + SYNOPSIS);
            return EXIT_ERROR;
        }
        if (options.help) {
            out.print(usage());
            return EXIT_CLEAN;
        }
        ScanProblems problems = new ScanProblems(err);
        ClassFiles classes = new InputReader(problems, options.limits()).read(options.inputs);
        ScanResult result = new ClassScan(options.selector(), problems).scan(classes);
        String report = options.format.render(result);
        if (options.output == null) {
            out.print(report);
            out.flush();
        } else {
            try {
                write(options.output, report);
            } catch (IOException e) {
                err.println(PREFIX + AgentLog.escape(options.output + ": cannot write the report ("
                        + ScanProblem.describe(e) + ")"));
                return EXIT_ERROR;
            }
            err.println(PREFIX + TextReport.summary(result) + "; report written to "
                    + AgentLog.escape(String.valueOf(options.output)));
        }
        if (problems.anyInputFailed()) {
            return EXIT_ERROR;
        }
        return result.count(Verdict.PATCH) > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
    }

    private static void write(Path file, String report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, report, StandardCharsets.UTF_8);
    }

    public static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar cacheguard-agent.jar " + SYNOPSIS,
                "",
                "Reads the class files of jars (and the jars inside them: BOOT-INF/lib, WEB-INF/lib),",
                "directories and single class files, without loading or running anything, and reports",
                "each cache map field with a verdict and the source lines behind it:",
                "  patch  a change of the map's entries can run without the lock its other uses hold",
                "         (or under a read lock), a map with entries is published through a non-volatile",
                "         field without that lock, the map escapes to code the analysis cannot see, or",
                "         the field is not private and some class it cannot follow may use it (the scanned",
                "         classes of its package, and a protected field's subclasses, are judged with it);",
                "         a read-only view handed out counts as a read, a map passed to a method that only",
                "         reads it while it runs is read there",
                "  safe   every use holds one lock, the map is thread-safe, never changed after it is",
                "         stored (assigning a whole new map or null is publication, not a change), or",
                "         copy-on-write through a volatile field, or an instance map of an object that",
                "         keeps a running operation's state in its fields and synchronizes nowhere",
                "  skip   no wrapper can stand in for the map (TreeMap, IdentityHashMap), or the analysis",
                "         could not decide",
                "On 53 labelled cache fields of ten real libraries, patch has precision 0.93 at recall",
                "1.0 (README, Find): review a patch before acting on it.",
                "",
                "options:",
                "  --all            analyse every class, not only caches (names with Cache, Memo, Lru;",
                "                   fields with cache, memo)",
                "  --targets LIST   also analyse these: ':'-separated class globs (com.acme.*Store) and",
                "                   fields (com.acme.Registry.byId)",
                "  --format FORMAT  text (default), json or sarif (SARIF 2.1.0, for code scanning)",
                "  --output FILE    write the report to FILE instead of stdout",
                "  --max-class-size SIZE  the largest class file read, inflated (default 64m); a larger",
                "                   one inside a jar is reported and skipped, a named one is an error",
                "",
                "A path you name that cannot be read (missing, not a jar, directory or class file, a",
                "corrupt jar, a malformed or too-new class file) is an error; a bad class or nested jar",
                "found inside a jar or directory is reported on stderr and skipped.",
                "",
                "exit status: 0 nothing to patch, 1 at least one field to patch,",
                "             2 bad usage or a named input that cannot be read (the rest is still scanned)",
                "");
    }
}

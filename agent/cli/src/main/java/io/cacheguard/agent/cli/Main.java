package io.cacheguard.agent.cli;

import io.cacheguard.agent.CacheguardVersion;
import io.cacheguard.agent.attach.AttachCommand;
import io.cacheguard.agent.attach.ListCommand;
import io.cacheguard.agent.htmlreport.ReportCommand;
import io.cacheguard.agent.attach.StatusCommand;
import io.cacheguard.agent.scan.ScanCommand;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar cacheguard-agent.jar <command>}. Exit codes: 0 success, 1 {@code scan} found a
 * field to patch, 2 bad usage or unreadable input (a scan input, a report); {@code attach} has more
 * (see {@code AttachCommand}).
 */
public final class Main {
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("cacheguard: no command given");
            err.print(usage());
            return EXIT_USAGE;
        }
        switch (args[0]) {
            case "--version":
            case "version":
                out.println("cacheguard " + CacheguardVersion.get());
                return EXIT_OK;
            case "--help":
            case "-h":
            case "help":
                out.print(usage());
                return EXIT_OK;
            case "scan":
                return ScanCommand.run(Arrays.asList(args).subList(1, args.length), out, err);
            case "list":
                return ListCommand.run(Arrays.asList(args).subList(1, args.length), out, err);
            case "attach":
                return AttachCommand.run(Arrays.asList(args).subList(1, args.length), out, err);
            case "report":
                return ReportCommand.run(Arrays.asList(args).subList(1, args.length), out, err);
            case "status":
                return StatusCommand.run(Arrays.asList(args).subList(1, args.length), out, err);
            default:
                err.println("cacheguard: unknown command '" + args[0] + "'; run 'java -jar cacheguard-agent.jar --help'");
                return EXIT_USAGE;
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar cacheguard-agent.jar <command>",
                "",
                "commands:",
                "  --version   print the version and exit",
                "  --help      print this help and exit",
                "  scan <jar|dir|.class>... [--all] [--targets LIST] [--format text|json|sarif] [--output FILE]",
                "              find racy map caches in class files without running them;",
                "              'scan --help' for details",
                "  list        the JVMs of this user: PID, Java, whether cacheguard runs there, main class",
                "  attach <pid> [key=value,...]",
                "              load the agent into a running JVM and patch the caches it already holds;",
                "              'attach --help' for details and exit codes",
                "  report <report.jsonl> [--html DIR]",
                "              show the agent's JSON Lines report: races with both stacks, fields, counts;",
                "              as text, or as a self-contained page DIR/index.html; 'report --help' for details",
                "  status <pid> [--json]",
                "              what cacheguard does in a running JVM: mode, fields, races;",
                "              'status --help' for details; exit 8 if cacheguard is not running there",
                "",
                "as an agent: java -javaagent:cacheguard-agent.jar -jar your-app.jar",
                "",
                "exit status: 0 success, 1 scan found a field to patch, 2 bad usage or unreadable input",
                "  (attach, status: 3-7 name why a JVM could not be attached to, see 'attach --help';",
                "  status: 8 cacheguard is not running in that JVM)",
                "");
    }
}

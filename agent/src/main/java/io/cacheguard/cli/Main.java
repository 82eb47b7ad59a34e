package io.cacheguard.cli;

import io.cacheguard.agent.CacheguardVersion;

import java.io.PrintStream;

/**
 * {@code java -jar cacheguard-agent.jar <command>}. Exit codes: 0 success, 2 bad usage.
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
                "",
                "as an agent: java -javaagent:cacheguard-agent.jar -jar your-app.jar",
                "",
                "exit status: 0 success, 2 bad usage",
                "");
    }
}

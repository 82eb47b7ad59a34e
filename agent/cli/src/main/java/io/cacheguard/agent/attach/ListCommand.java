package io.cacheguard.agent.attach;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code list}: the JVMs of this user — PID, Java release, whether cacheguard runs there (version,
 * mode, how it came in) and the main class or jar. JVMs are found through their performance-data
 * files, which needs no attach; whether cacheguard runs is read from the system property the agent
 * publishes, which needs an attach (without loading anything) and so {@code jdk.attach}.
 */
public final class ListCommand {
    private static final int MAIN_WIDTH = 100;

    private ListCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("cacheguard list: takes no arguments; usage: java -jar cacheguard-agent.jar list");
            return ExitCodes.USAGE;
        }
        Attacher attacher = Attacher.forThisJava();
        out.printf("%-8s %-5s %-44s %s%n", "PID", "JAVA", "CACHEGUARD", "MAIN");
        for (long pid : pids()) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (pid == ProcessHandle.current().pid() || process.isEmpty() || !process.get().isAlive()) {
                continue; // this command itself, or a file a crashed JVM left behind
            }
            PerfData perf;
            try {
                perf = PerfData.read(PerfData.fileOf(pid));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            out.printf("%-8d %-5s %-44s %s%n", pid, perf.feature() == 0 ? "?" : Integer.toString(perf.feature()),
                    cacheguard(attacher, pid, perf), abbreviate(perf.command()));
        }
        return ExitCodes.OK;
    }

    private static String cacheguard(Attacher attacher, long pid, PerfData perf) {
        if (!perf.attachable()) {
            return "? (-XX:+DisableAttachMechanism)";
        }
        try {
            TargetJvm target = TargetJvm.listed(pid, perf);
            String status = attacher.cacheguardStatus(target, "cacheguard-agent.jar");
            if (status == null) {
                return "? (this Java has no jdk.attach)";
            }
            String agents = perf.jvmArguments().contains("-XX:-EnableDynamicAgentLoading")
                    ? " (-XX:-EnableDynamicAgentLoading: cannot attach)" : "";
            return (status.isEmpty() ? "no" : status) + agents;
        } catch (AttachFailure e) {
            return "? (no answer to the attach)";
        }
    }

    /** PIDs with a performance-data file of this user. */
    private static TreeSet<Long> pids() {
        TreeSet<Long> pids = new TreeSet<>();
        Path dir = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            return pids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                try {
                    pids.add(Long.parseLong(file.getFileName().toString()));
                } catch (NumberFormatException ignored) {
                    // not a JVM's file
                }
            }
        } catch (IOException ignored) {
            // an unreadable directory lists nothing
        }
        return pids;
    }

    private static String abbreviate(String command) {
        return command.length() <= MAIN_WIDTH ? command : command.substring(0, MAIN_WIDTH - 3) + "...";
    }
}

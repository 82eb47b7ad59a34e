package io.cacheguard.agent.attach;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code list}: the JVMs of this user — PID, Java release, whether cacheguard runs there (version,
 * mode, how it came in) and the main class or jar. JVMs are found through their performance-data
 * files, which needs no attach; whether cacheguard runs is read from the system property the agent
 * publishes, which needs an attach (without loading anything) and so {@code jdk.attach}; all JVMs
 * are asked at once, and one that has not answered within {@link #ANSWER_DEADLINE} is listed as
 * not answering rather than holding up the list.
 */
public final class ListCommand {
    private static final int MAIN_WIDTH = 100;
    /**
     * How long {@code list} waits for the JVMs' answers, all asked at once. An idle JVM answers in
     * well under a second; one that is hung, or in another container, never does (a stopped one is not asked).
     */
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(2);

    private ListCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("cacheguard list: takes no arguments; usage: java -jar cacheguard-agent.jar list");
            return ExitCodes.USAGE;
        }
        Map<TargetJvm, String> statuses = new LinkedHashMap<>();
        List<TargetJvm> attachable = new ArrayList<>();
        for (TargetJvm jvm : jvms()) {
            if (!jvm.perf.attachable()) {
                statuses.put(jvm, "? (-XX:+DisableAttachMechanism)");
            } else if (StoppedProcess.is(jvm.pid)) {
                statuses.put(jvm, "? (no answer: the process is stopped)");
            } else {
                attachable.add(jvm);
                statuses.put(jvm, null); // keeps the PID order
            }
        }
        statuses.putAll(StatusQueries.ask(Attacher.forThisJava(), attachable, "cacheguard-agent.jar", ANSWER_DEADLINE));
        Table table = new Table("PID", "JAVA", "CACHEGUARD", "MAIN");
        statuses.forEach((jvm, status) -> table.row(Long.toString(jvm.pid),
                jvm.perf.feature() == 0 ? "?" : Integer.toString(jvm.perf.feature()), status,
                abbreviate(jvm.perf.command())));
        out.print(table.render());
        out.flush();
        return ExitCodes.OK;
    }

    /** The JVMs of this user that run and whose performance data is readable, by PID. */
    private static List<TargetJvm> jvms() {
        List<TargetJvm> jvms = new ArrayList<>();
        for (long pid : pids()) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (pid == ProcessHandle.current().pid() || process.isEmpty() || !process.get().isAlive()) {
                continue; // this command itself, or a file a crashed JVM left behind
            }
            try {
                jvms.add(TargetJvm.listed(pid, PerfData.read(PerfData.fileOf(pid))));
            } catch (IOException | RuntimeException e) {
                // gone meanwhile, or not a perf-data file
            }
        }
        return jvms;
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

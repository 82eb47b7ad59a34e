package io.cacheguard.agent.attach;

import io.cacheguard.agent.AttachProtocol;
import io.cacheguard.agent.CacheguardVersion;
import io.cacheguard.agent.config.OptionException;
import io.cacheguard.agent.config.OptionsParser;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code attach <pid> [options]}: loads the agent into a running JVM and prints what the agent
 * logged there while attaching (the same lines as at start-up) and where its report goes.
 * Exit codes: {@link ExitCodes}.
 */
public final class AttachCommand {
    /** Options naming files: made absolute here, since the target's working directory is another. */
    private static final Set<String> PATH_KEYS = Set.of("report", "log", "config", "sarif");

    private AttachCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help")) {
            (args.isEmpty() ? err : out).print(usage());
            return args.isEmpty() ? ExitCodes.USAGE : ExitCodes.OK;
        }
        try {
            String agentJar = AgentJar.path();
            TargetJvm target = TargetJvm.check(args.get(0), agentJar);
            String options = options(args.subList(1, args.size()));
            return load(Attacher.forThisJava(), target, agentJar, options, out, err);
        } catch (AttachFailure failure) {
            err.println("cacheguard attach: " + failure.getMessage());
            return failure.exitCode;
        }
    }

    /** The options as one agent argument, checked here so a typo never reaches the target. */
    private static String options(List<String> args) throws AttachFailure {
        StringBuilder joined = new StringBuilder();
        for (String arg : args) {
            for (String pair : arg.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq > 0 ? pair.substring(0, eq).trim() : pair.trim();
                String value = eq > 0 ? pair.substring(eq + 1).trim() : "";
                // an empty path stays empty, for the parser to refuse, rather than become this directory
                if (PATH_KEYS.contains(key) && !value.isEmpty() && !value.equals("stderr")) {
                    // a trailing '/' names a directory the agent creates (cacheguard-<pid>.jsonl inside); keep it
                    pair = key + "=" + Paths.get(value).toAbsolutePath() + (value.endsWith("/") ? "/" : "");
                }
                joined.append(joined.length() == 0 ? "" : ",").append(pair.trim());
            }
        }
        try {
            OptionsParser.parse(joined.toString(), new Properties());
        } catch (OptionException e) {
            throw new AttachFailure(ExitCodes.USAGE, e.getMessage());
        }
        return joined.toString();
    }

    private static void checkVersion(TargetJvm target, String status) throws AttachFailure {
        String mine = CacheguardVersion.get();
        if (status != null && !status.isEmpty() && !status.startsWith("version=" + mine + " ")) {
            throw new AttachFailure(ExitCodes.OTHER_VERSION, "JVM " + target.pid + " already runs cacheguard "
                    + status.split(" ")[0].substring("version=".length()) + " and this is " + mine
                    + "; two versions cannot share a JVM: attach with the jar of the running version, or restart the JVM");
        }
        if ((status == null || status.isEmpty()) && target.perf != null
                && target.perf.jvmArguments().matches("(?s).*-javaagent:\\S*cacheguard\\S*.*")) {
            throw new AttachFailure(ExitCodes.OTHER_VERSION, "JVM " + target.pid + " was started with an earlier "
                    + "cacheguard (-javaagent, without attach support); restart it with the agent of version " + mine);
        }
    }

    private static int load(Attacher attacher, TargetJvm target, String agentJar, String options, PrintStream out,
                            PrintStream err) throws AttachFailure {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cacheguard-attach-"); // owner-only permissions
            Path transcript = dir.resolve("transcript.txt");
            Path request = dir.resolve("request.properties");
            Properties properties = new Properties();
            properties.setProperty(AttachProtocol.VERSION, CacheguardVersion.get());
            properties.setProperty(AttachProtocol.OPTIONS, options);
            properties.setProperty(AttachProtocol.TRANSCRIPT, transcript.toString());
            try (Writer writer = Files.newBufferedWriter(request, StandardCharsets.UTF_8)) {
                properties.store(writer, "cacheguard attach request");
            }
            attacher.loadAgent(target, agentJar, AttachProtocol.REQUEST_ARGUMENT + request,
                    status -> checkVersion(target, status));
            int status = Transcript.read(transcript).print(target, out, err);
            if (target.warnsAboutDynamicAgents()) {
                err.println("cacheguard attach: note: JVM " + target.pid + " (Java " + target.perf.feature() + ") printed a"
                        + " warning about a dynamically loaded agent on its stderr (JEP 451); start it with"
                        + " -XX:+EnableDynamicAgentLoading to allow attaching without that warning");
            }
            return status;
        } catch (IOException e) {
            throw new AttachFailure(ExitCodes.AGENT_REFUSED, "cannot exchange files with JVM " + target.pid + " ("
                    + e + "); is its temporary directory another one (a container)?");
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar cacheguard-agent.jar attach <pid> [key=value[,key=value]...]",
                "",
                "Loads cacheguard into the running JVM <pid>, patches the caches of the classes it has already",
                "loaded, guards the maps they hold in place, and prints what it patched. The options are the",
                "agent's (mode, includes, excludes, targets, all, report, log, ...). Attaching again is safe:",
                "new targets or selection take effect, a change the running agent cannot make is refused.",
                "",
                "exit status: 0 attached (or already attached), 1 the agent refused the options or failed,",
                "  2 bad usage, 3 no such JVM, 4 JVM of another user, 5 the JVM refuses attach or agents,",
                "  6 this Java cannot attach (no jdk.attach), 7 another cacheguard version runs there",
                "");
    }
}

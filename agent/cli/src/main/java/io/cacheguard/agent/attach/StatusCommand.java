package io.cacheguard.agent.attach;

import io.cacheguard.agent.AttachProtocol;
import io.cacheguard.agent.status.AgentState;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code status <pid> [--json]}: what cacheguard does in a running JVM, as its JMX bean has it,
 * for an operator who cannot reach the JVM's log or report. It reads the state the agent publishes
 * as a system property through the attach API, as {@code list} does: nothing is loaded into the
 * target, no agent and no JMX connector (the JDK's local management agent would be a new thread
 * pool and a JMX server in a production JVM, for one look).
 */
public final class StatusCommand {
    private StatusCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.get(0).equals("--help")) {
            out.print(usage());
            return ExitCodes.OK;
        }
        boolean json = args.size() == 2 && args.get(1).equals("--json");
        if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && !json)) {
            err.println("cacheguard status: " + (args.isEmpty() ? "no PID given" : "unexpected '"
                    + args.get(args.size() - 1) + "'") + "; usage: java -jar cacheguard-agent.jar status <pid> [--json]");
            return ExitCodes.USAGE;
        }
        String agentJar = agentJar();
        try {
            TargetJvm target = TargetJvm.check(args.get(0), agentJar);
            AgentState state = read(Attacher.forThisJava(), target, agentJar);
            out.print(json ? StatusView.json(target.pid, state) : StatusView.table(target.pid, state));
            out.flush();
            return ExitCodes.OK;
        } catch (AttachFailure failure) {
            err.println("cacheguard status: " + failure.getMessage());
            return failure.exitCode;
        }
    }

    static AgentState read(Attacher attacher, TargetJvm target, String agentJar) throws AttachFailure {
        Map<String, String> properties = attacher.properties(target, agentJar, AttachProtocol.STATUS_PROPERTY,
                AgentState.PROPERTY);
        if (properties == null) {
            throw new AttachFailure(ExitCodes.NO_ATTACH_SUPPORT, "this Java (" + System.getProperty("java.home")
                    + ") cannot read another JVM's properties (no jdk.attach module); run the command with a JDK");
        }
        String running = properties.get(AttachProtocol.STATUS_PROPERTY);
        String text = properties.get(AgentState.PROPERTY);
        if (running == null || running.isEmpty()) {
            throw new AttachFailure(ExitCodes.NOT_RUNNING, "cacheguard is not running in JVM " + target.pid
                    + "; attach it with 'java -jar " + agentJar + " attach " + target.pid + "'");
        }
        try {
            return AgentState.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new AttachFailure(ExitCodes.OTHER_VERSION, "JVM " + target.pid + " runs a cacheguard that publishes"
                    + " no status this command can read (" + running + "); use the cacheguard-agent.jar of that version");
        }
    }

    private static String agentJar() {
        try {
            return AgentJar.path();
        } catch (AttachFailure e) {
            return "cacheguard-agent.jar"; // run from classes (tests): the messages name the jar generically
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar cacheguard-agent.jar status <pid> [--json]",
                "",
                "Shows what cacheguard does in the running JVM <pid>: mode, detector, options, report, and each",
                "field it patched, tracked or skipped with its race count, and for a field with bounds the size,",
                "evictions and expiries of its maps. Reads what the agent publishes through the attach API;",
                "nothing is loaded into the JVM. --json prints one JSON object for scripts.",
                "",
                "exit status: 0 shown, 2 bad usage, 3 no such JVM, 4 JVM of another user, 5 the JVM refuses attach,",
                "  6 this Java cannot attach (no jdk.attach), 7 another cacheguard version runs there,",
                "  8 cacheguard is not running in that JVM",
                "");
    }
}

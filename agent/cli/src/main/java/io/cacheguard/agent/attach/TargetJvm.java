package io.cacheguard.agent.attach;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A PID the user named, checked before any attach is tried: the JVM's attach listener gives only
 * vague errors ("target process doesn't respond within 10500ms") after a ten-second wait, while
 * the process table and the JVM's performance data say at once what is wrong.
 */
final class TargetJvm {
    static final String JEP_451 = "since JDK 21 (JEP 451) a JVM warns when an agent is loaded into it while it runs,"
            + " and -XX:-EnableDynamicAgentLoading forbids it";

    final long pid;
    final String user;
    /** Null when the JVM publishes no performance data (-XX:-UsePerfData). */
    final PerfData perf;

    private TargetJvm(long pid, String user, PerfData perf) {
        this.pid = pid;
        this.user = user;
        this.perf = perf;
    }

    static TargetJvm check(String pidText, String agentJar) throws AttachFailure {
        long pid;
        try {
            pid = Long.parseLong(pidText);
        } catch (NumberFormatException e) {
            pid = -1;
        }
        if (pid <= 0) { // a word, a negative number or 0: bad usage, not a JVM that is gone
            throw new AttachFailure(ExitCodes.USAGE, "'" + pidText + "' is not a process id; "
                    + "'java -jar " + agentJar + " list' shows the JVMs you can attach to");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new AttachFailure(ExitCodes.NO_SUCH_JVM, pid + " is this command's own JVM; give the PID of the "
                    + "application ('java -jar " + agentJar + " list' shows them)");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            throw new AttachFailure(ExitCodes.NO_SUCH_JVM, "no process with PID " + pid + " is running; "
                    + "'java -jar " + agentJar + " list' shows the JVMs you can attach to");
        }
        ProcessHandle.Info info = process.get().info();
        String me = System.getProperty("user.name");
        String owner = info.user().orElse(null);
        if (owner != null && !owner.equals(me)) {
            throw new AttachFailure(ExitCodes.OTHER_USER, "JVM " + pid + " runs as user '" + owner + "' and this command as '"
                    + me + "'; a JVM accepts an attach only from its own user: run the command as that user, e.g. "
                    + "sudo -u " + owner + " java -jar " + agentJar + " attach " + pid);
        }
        Path file = PerfData.fileOf(pid);
        PerfData perf = null;
        if (file != null) {
            try {
                perf = PerfData.read(file);
            } catch (java.io.IOException e) {
                perf = null; // the attach itself will tell
            }
        }
        String command = info.command().orElse("?");
        if (perf == null && !command.endsWith("java") && !command.endsWith("java.exe")) {
            throw new AttachFailure(ExitCodes.NO_SUCH_JVM, "process " + pid + " (" + command + ") is not a Java VM: "
                    + "it publishes no JVM performance data; 'java -jar " + agentJar + " list' shows the JVMs you can attach to");
        }
        if (perf != null) {
            if (perf.feature() > 0 && perf.feature() < 17) {
                throw new AttachFailure(ExitCodes.NO_SUCH_JVM, "JVM " + pid + " runs Java " + perf.feature()
                        + "; cacheguard needs Java 17 or later");
            }
            if (!perf.attachable()) {
                throw new AttachFailure(ExitCodes.ATTACH_REFUSED, "JVM " + pid + " was started with "
                        + "-XX:+DisableAttachMechanism and refuses every attach; restart it without that flag, or "
                        + "start it with -javaagent:" + agentJar);
            }
            if (perf.jvmArguments().contains("-XX:-EnableDynamicAgentLoading")) {
                throw dynamicLoadingDisabled(pid, agentJar);
            }
        }
        return new TargetJvm(pid, owner, perf);
    }

    /** A JVM {@code list} found, with no checks: list only reads its properties. */
    static TargetJvm listed(long pid, PerfData perf) {
        return new TargetJvm(pid, null, perf);
    }

    static AttachFailure dynamicLoadingDisabled(long pid, String agentJar) {
        return new AttachFailure(ExitCodes.ATTACH_REFUSED, "JVM " + pid + " forbids loading agents while it runs "
                + "(-XX:-EnableDynamicAgentLoading; " + JEP_451 + "); restart it with -XX:+EnableDynamicAgentLoading, "
                + "or with -javaagent:" + agentJar + " instead of attaching");
    }

    /** JDK 21+ prints a warning on its stderr for an agent loaded at run time unless told it is expected. */
    boolean warnsAboutDynamicAgents() {
        return perf != null && perf.feature() >= 21 && !perf.jvmArguments().contains("-XX:+EnableDynamicAgentLoading");
    }

    String javaHome() {
        return perf == null ? null : perf.javaHome();
    }
}

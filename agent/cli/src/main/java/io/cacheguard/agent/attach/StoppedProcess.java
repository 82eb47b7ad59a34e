package io.cacheguard.agent.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process is stopped (SIGSTOP, Ctrl-Z, a debugger), read from {@code /proc/<pid>/stat}.
 * A stopped JVM cannot answer an attach, and trying leaves it a pending SIGQUIT and an
 * {@code .attach_pid<pid>} trigger file in its working directory that nobody removes; so such a
 * JVM is not asked at all.
 */
final class StoppedProcess {
    private StoppedProcess() {
    }

    /** True if the process is in state T (stopped) or t (stopped by a tracer); false if unknown (not Linux). */
    static boolean is(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            // "4711 (java) S 1 ...": the command name may itself hold ") ", so the state follows the last one
            int state = stat.lastIndexOf(')') + 2;
            return state < stat.length() && (stat.charAt(state) == 'T' || stat.charAt(state) == 't');
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}

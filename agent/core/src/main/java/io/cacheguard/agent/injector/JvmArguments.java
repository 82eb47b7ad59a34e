package io.cacheguard.agent.injector;

/**
 * Reads the JVM's own options ({@code -javaagent:…}, {@code -D…}, from the command line,
 * {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and argument files alike). It lives in the
 * injector's module, the one place {@code jdk.internal.misc} is exported to.
 *
 * <p>Why not {@code ManagementFactory.getRuntimeMXBean().getInputArguments()}, which returns the
 * same list: it starts the platform management of the host (about a hundred classes and 30 ms at
 * start-up, {@code java.util.logging.LogManager} among them) before the host's {@code main} has run.
 */
public final class JvmArguments {
    private JvmArguments() {
    }

    public static String[] read() throws ReflectiveOperationException {
        return (String[]) Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
    }
}

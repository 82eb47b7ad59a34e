package io.cacheguard.it.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The child JVM's main: runs the given test classes through the JUnit Platform launcher, as
 * Surefire would, and prints each finished class and test as a block on stdout:
 * {@code == Name status}, the failure's message, {@code == end}. Configuration parameters
 * (auto-detection, parallel execution) come from the child's system properties. Uses only launcher
 * API that JUnit 5.10 already has, so the same class runs on the oldest JUnit supported and the newest.
 */
public final class ProjectRunner {
    private ProjectRunner() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String name : args) {
            selectors.add(selectClass(Class.forName(name)));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new Printer(System.out));
        System.out.flush();
    }

    private static final class Printer implements TestExecutionListener {
        private final PrintStream out;

        Printer(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String name = name(id);
            if (name == null) {
                return;
            }
            out.println("== " + name + " " + result.getStatus());
            result.getThrowable().ifPresent(t -> out.println(t.getClass().getName() + ": " + t.getMessage()));
            out.println("== end");
        }

        /** {@code Class} for a class, {@code Class.method} for a test, null for the engine. */
        private static String name(TestIdentifier id) {
            TestSource source = id.getSource().orElse(null);
            if (source instanceof MethodSource) {
                MethodSource method = (MethodSource) source;
                String className = method.getClassName();
                return className.substring(className.lastIndexOf('.') + 1) + "." + method.getMethodName();
            }
            if (source instanceof ClassSource) {
                String className = ((ClassSource) source).getClassName();
                return className.substring(className.lastIndexOf('.') + 1);
            }
            return null;
        }
    }
}

package io.cacheguard.bench.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The child JVM's main for {@code ExtensionOverhead}: runs {@link TrivialSuite} through the JUnit
 * Platform launcher, as a build tool would, and prints {@code tests=N failed=N suiteNanos=N cpuNanos=N}
 * (the suite's wall time; the whole process's CPU time, steadier on a loaded machine).
 * Whether the cacheguard extension takes part is the child's
 * {@code junit.jupiter.extensions.autodetection.enabled} system property.
 */
public final class SuiteRunner {
    private SuiteRunner() {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(TrivialSuite.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        LauncherFactory.create().execute(request, listener);
        long nanos = System.nanoTime() - start;
        TestExecutionSummary summary = listener.getSummary();
        System.out.println("tests=" + summary.getTestsSucceededCount() + " failed=" + summary.getTotalFailureCount()
                + " suiteNanos=" + nanos + " cpuNanos=" + processCpuNanos());
    }
}

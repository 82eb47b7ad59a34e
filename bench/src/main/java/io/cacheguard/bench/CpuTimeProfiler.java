package io.cacheguard.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the benchmark JVM's CPU time per operation ({@code -prof io.cacheguard.bench.CpuTimeProfiler}).
 * On a machine shared with other builds, throughput measures the scheduler as much as the map: a
 * descheduled thread makes no operations but spends no CPU either, so CPU time per operation stays
 * comparable between runs taken under different load. It does not see time spent blocked, so it
 * says nothing about how a map scales; only throughput on idle cores does.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** The secondary result's label, as JMH prints it after the benchmark name. */
    static final String RESULT = "cpu.time.norm";

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation, which other processes' load hardly moves";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        // All operations, not just the measured ones: the CPU clock also ran while JMH synchronized the threads' start and stop.
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : (double) cpu / ops;
        return List.of(new ScalarResult(RESULT, perOp, "ns/op", AggregationPolicy.AVG));
    }
}

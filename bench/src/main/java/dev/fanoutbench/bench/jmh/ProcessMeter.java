package dev.fanoutbench.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** This JVM's CPU time and peak thread count, over measured iterations only. Not thread-safe: the benchmark thread's. */
final class ProcessMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuNanos;
    private long cpuAtStart;
    private int peakThreads;

    void iterationStarted() {
        threads.resetPeakThreadCount();
        cpuAtStart = os.getProcessCpuTime();
    }

    void iterationEnded() {
        cpuNanos += os.getProcessCpuTime() - cpuAtStart;
        peakThreads = Math.max(peakThreads, threads.getPeakThreadCount());
    }

    long cpuNanos() {
        return cpuNanos;
    }

    int peakThreads() {
        return peakThreads;
    }
}

package dev.fanoutbench.bench.trial;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * This JVM's CPU time, heap allocation and peak thread count, over measured iterations only. Not thread-safe: the
 * benchmark thread's.
 */
final class ProcessMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Every thread's heap allocation, what JMH's gc profiler reads too; virtual threads allocate on their carriers. */
    private final com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;

    private long allocatedBytes;
    private long allocatedAtStart;
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuNanos;
    private long wallNanos;
    private long cpuAtStart;
    private long wallAtStart;
    private int peakThreads;
    private double backgroundCores;

    /**
     * What this JVM burns with no request in flight (JFR's stream, the recorder's ticker, the
     * stub's /stats polling, JMH's own threads), in cores, over {@code idle}: the part of the
     * measured CPU that is not the requests'.
     */
    void measureBackground(java.time.Duration idle) {
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        // sleep, not park: a park returns at once on a permit left by an earlier unpark, and a ratio over a few
        // microseconds of wall time read as 0.6 cores
        try {
            Thread.sleep(idle);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backgroundCores = (double) (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
    }

    void iterationStarted() {
        threads.resetPeakThreadCount();
        cpuAtStart = os.getProcessCpuTime();
        wallAtStart = System.nanoTime();
        allocatedAtStart = allocation.getTotalThreadAllocatedBytes();
    }

    void iterationEnded() {
        cpuNanos += os.getProcessCpuTime() - cpuAtStart;
        allocatedBytes += allocation.getTotalThreadAllocatedBytes() - allocatedAtStart;
        wallNanos += System.nanoTime() - wallAtStart;
        peakThreads = Math.max(peakThreads, threads.getPeakThreadCount());
    }

    long wallNanos() {
        return wallNanos;
    }

    double backgroundCores() {
        return backgroundCores;
    }

    long cpuNanos() {
        return cpuNanos;
    }

    /** Heap allocated by every thread over the measured iterations; -1 where the JVM cannot tell. */
    long allocatedBytes() {
        return allocation.isThreadAllocatedMemoryEnabled() ? allocatedBytes : -1;
    }

    int peakThreads() {
        return peakThreads;
    }
}

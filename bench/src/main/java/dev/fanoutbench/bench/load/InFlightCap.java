package dev.fanoutbench.bench.load;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many requests one client JVM may hold in flight before an open schedule drops the next one
 * due: what half its heap holds at the measured cost of a waiting request plus its answer, and
 * what its open-file limit leaves room for (a connection each), whichever is smaller.
 *
 * <p>The cost: the knee workload's virtual-threads fork held 28,628 requests in flight (~100 ms
 * answers of a few hundred bytes) when its 2 GiB heap ran out, about 75 KiB each with everything
 * it dragged along; {@value #BYTES_PER_REQUEST} bytes is that, rounded up so that half the heap
 * is the bound and the collector keeps room to work.
 */
public final class InFlightCap {

    static final long BYTES_PER_REQUEST = 80 * 1024;
    /** Descriptors kept for the JVM's own files, the stub's /stats, the recorder's logs. */
    static final long FILES_KEPT = 1_000;

    static final int FLOOR = 100;

    private InFlightCap() {}

    /**
     * @param answerBytes the size of one answer, if known (0 if not): held twice while it is read
     *                    and checked as text
     */
    public static int derive(long maxHeapBytes, long answerBytes, long openFileLimit) {
        long byHeap = maxHeapBytes / 2 / (BYTES_PER_REQUEST + 2 * Math.max(0, answerBytes));
        long byFiles = openFileLimit <= 0 ? Long.MAX_VALUE : openFileLimit - FILES_KEPT;
        return (int) Math.max(FLOOR, Math.min(Integer.MAX_VALUE, Math.min(byHeap, byFiles)));
    }

    /** For this JVM. */
    public static int forThisJvm(long answerBytes) {
        long files = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : -1;
        return derive(Runtime.getRuntime().maxMemory(), answerBytes, files);
    }
}

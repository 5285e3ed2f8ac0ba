package dev.fanoutbench.bench.trial;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a benchmark sends its load and writes its records, and how often it cuts an interval: the
 * system properties {@code bench.target}, {@code bench.runDir} and {@code bench.intervalMillis},
 * which BenchMain passes to every JMH fork.
 */
public final class BenchTarget {

    public static final String TARGET = "bench.target";
    public static final String RUN_DIR = "bench.runDir";
    public static final String INTERVAL_MILLIS = "bench.intervalMillis";
    /** "false" when the target is not our stub: no /stats to read. */
    public static final String SERVER_STATS = "bench.serverStats";

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** How many quick requests warm a trial's model before its warm-up batches. */
    public static final String WARM_UP_REQUESTS = "bench.warmUpRequests";
    /** The pid of the JVM that started this fork: the fork ends when it does. */
    public static final String PARENT_PID = "bench.parentPid";

    /** Every fork's heap: what a trial's in-flight cap is derived from (InFlightCap). */
    public static final String FORK_HEAP = "2g";

    private BenchTarget() {}

    public static URI uri() {
        String target = System.getProperty(TARGET);
        if (target == null || target.isBlank()) {
            throw new IllegalStateException("no -D" + TARGET + "=http://127.0.0.1:PORT: run the benchmarks through"
                    + " `mvn verify -Pbench` (BenchMain), which starts the mock server and passes its address");
        }
        return URI.create(target.endsWith("/") ? target : target + "/");
    }

    public static Duration interval() {
        String millis = System.getProperty(INTERVAL_MILLIS);
        return millis == null || millis.isBlank() ? DEFAULT_INTERVAL : Duration.ofMillis(Long.parseLong(millis));
    }

    public static boolean serverStats() {
        return !"false".equals(System.getProperty(SERVER_STATS));
    }

    /** The pid a fork must not outlive, or -1 when none was passed (a run without forks). */
    public static long parentPid() {
        String pid = System.getProperty(PARENT_PID);
        return pid == null || pid.isBlank() ? -1 : Long.parseLong(pid);
    }

    public static int warmUpRequests() {
        String requests = System.getProperty(WARM_UP_REQUESTS);
        return requests == null || requests.isBlank() ? 20 : Integer.parseInt(requests);
    }

    public static Path runDir() {
        String dir = System.getProperty(RUN_DIR);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException(
                    "no -D" + RUN_DIR + "=FOLDER: run the benchmarks through `mvn verify -Pbench`");
        }
        return Path.of(dir);
    }
}

package dev.fanoutbench.bench.trial;

import dev.fanoutbench.bench.generator.GeneratorRole;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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

    /** A trial sent by several load generators: this fork's {@code I/N} ({@link GeneratorRole}). */
    public static final String GENERATOR = "bench.generator";
    /** Where generator 0 serves the generators' barrier: host:port. */
    public static final String BARRIER = "bench.barrier";
    /** "true" when the generators are on other hosts: generator 0's barrier then listens on every interface. */
    public static final String BARRIER_ANY_INTERFACE = "bench.barrierAnyInterface";
    /** How long generators wait for one another at a window, in milliseconds; unset for the workload's default. */
    public static final String MEETING_PATIENCE_MILLIS = "bench.meetingPatienceMillis";

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

    /** The targets, comma-separated in {@code bench.target}: a workload's requests go to each in turn. */
    public static List<URI> uris() {
        String target = System.getProperty(TARGET);
        if (target == null || target.isBlank()) {
            return List.of(uri());
        }
        return Arrays.stream(target.split(","))
                .map(String::strip)
                .map(t -> URI.create(t.endsWith("/") ? t : t + "/"))
                .toList();
    }

    public static GeneratorRole generator() {
        String generator = System.getProperty(GENERATOR);
        return generator == null || generator.isBlank()
                ? GeneratorRole.ALONE
                : GeneratorRole.parse(generator, System.getProperty(BARRIER, ""));
    }

    public static boolean barrierOnAnyInterface() {
        return Boolean.getBoolean(BARRIER_ANY_INTERFACE);
    }

    /** Null for the workload's default. */
    public static Duration meetingPatience() {
        String millis = System.getProperty(MEETING_PATIENCE_MILLIS);
        return millis == null || millis.isBlank() ? null : Duration.ofMillis(Long.parseLong(millis));
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

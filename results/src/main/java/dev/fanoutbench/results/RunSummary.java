package dev.fanoutbench.results;

import java.util.List;
import java.util.Map;

/**
 * The schema of a run's {@code summary.json}, version {@value #SCHEMA_VERSION}: these records are
 * the schema ({@link Summaries#read} fails on unknown or missing fields). Latencies are in
 * microseconds, other times in milliseconds unless a name says otherwise; a field that could not
 * be measured is null.
 *
 * @param passed   no self-check failed
 * @param harnessMicrosPerRequest what the harness's own accounting costs per request, without I/O
 *                 (the null model's JMH benchmark, microseconds of one core): part of every
 *                 trial's CPU per request; null if it was not measured
 * @param trials   one per benchmark x model x parameters, with every fork merged
 * @param failures self-checks that failed, one per trial and check: the numbers cannot be trusted
 * @param notes    true and worth knowing (by design or informational), one per check, naming its trials
 * @param targetWarmUp how the target was warmed before the trials ("warmed with 10,000 requests ..."), or
 *                 why it was not: a cold server would be measured as a slower one
 */
public record RunSummary(
        int schemaVersion,
        String runId,
        String preset,
        String target,
        boolean passed,
        Score harnessMicrosPerRequest,
        List<Trial> trials,
        List<Failure> failures,
        List<Note> notes,
        String targetWarmUp) {

    /** Bump when a field changes meaning, appears or disappears; readers refuse other versions. */
    public static final int SCHEMA_VERSION = 7;

    /**
     * Below this many requests CPU per request is not reported: a quick run's fan-out of 9 requests
     * read 13,333 us each, the JIT and GC of the whole trial spread over nine.
     */
    public static final long CPU_MIN_REQUESTS = 1_000;

    public RunSummary withTargetWarmUp(String warmUp) {
        return new RunSummary(
                schemaVersion, runId, preset, target, passed, harnessMicrosPerRequest, trials, failures, notes, warmUp);
    }

    /**
     * @param benchmark        what ran: JMH's benchmark method ("FanOutBenchmark.fanOut") or a workload's driver
     * @param lesson           the question the trial answers, as its benchmark declared it
     * @param forks            JMH forks merged into this trial
     * @param scoreIsBatchTime the score is the wall time of one batch (false for an open schedule,
     *                         whose score is only the schedule's length: compare its latency instead)
     * @param score            JMH's score, mean over every measured iteration of every fork (a workload's:
     *                         its windows' lengths)
     * @param allocBytesPerOp  bytes allocated per batch (a workload's: per window), by every thread of the
     *                         client's JVM, as JMH's gc profiler reads it (null if not measured)
     * @param idealMillis      the physical best for one batch of this model
     * @param efficiency       idealMillis / score (1.0 is perfect)
     * @param failuresExpected the benchmark sends requests meant to fail (a flaky endpoint)
     * @param sent             requests handed to the model, counted where they were handed over
     * @param returned         outcomes the model gave back
     * @param outcomes         requests ended, by how, counted as each ended
     * @param httpErrorStatuses the statuses of the {@link OutcomeKind#HTTP_ERROR} outcomes, by status
     * @param server           what the stub saw, or null when the target is not our stub
     * @param cpuMicrosPerRequest the requests' own CPU: the process's over the measured iterations less
     *                         what it burns idle ({@code backgroundCpuCores} for as long), per request; null
     *                         where the requests are too few to decide it ({@link #CPU_MIN_REQUESTS}) or
     *                         their share is below the background's
     * @param backgroundCpuCores the client JVM's CPU with no request in flight, in cores (0.02 = 2% of a core)
     * @param pinnedEvents     JFR jdk.VirtualThreadPinned events during measured iterations
     * @param pinnedAt         where they happened (first frame outside the JDK) and why, with counts
     * @param iterations       one sample per measured iteration: what a comparison tests
     * @param timeline         one entry per recording interval (1 s unless set), measured iterations only
     * @param files            histogram files per series and fork, relative to the run folder
     * @param load             a workload trial's schedule and SLO (its iterations are its windows, in
     *                         order), so its knee can be found; null for the fixed benchmarks
     * @param peakHeapBytes    the most heap the client's JVM used at once, over the whole trial (the
     *                         largest fork), 0 if not measured
     */
    public record Trial(
            String key,
            String benchmark,
            Lesson lesson,
            String model,
            Map<String, String> params,
            int forks,
            boolean scoreIsBatchTime,
            Score score,
            Double allocBytesPerOp,
            double idealMillis,
            Double efficiency,
            int offeredConcurrency,
            int threadCap,
            boolean failuresExpected,
            long sent,
            long returned,
            Map<OutcomeKind, Long> outcomes,
            Map<Integer, Long> httpErrorStatuses,
            Map<Series, Percentiles> latencyMicros,
            Server server,
            int peakThreads,
            Long cpuMicrosPerRequest,
            double backgroundCpuCores,
            long pinnedEvents,
            Map<String, Long> pinnedAt,
            long blockedThreadWarnings,
            List<Iteration> iterations,
            List<Interval> timeline,
            Map<String, String> files,
            Load load,
            long peakHeapBytes,
            Resources resources) {

        public long count(OutcomeKind kind) {
            return outcomes.getOrDefault(kind, 0L);
        }

        /** Requests that ended in anything but success. */
        public long failed() {
            return outcomes.entrySet().stream()
                    .filter(e -> e.getKey().isFailure())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        public Percentiles response() {
            return latencyMicros.get(Series.RESPONSE);
        }

        /** "FanOut vertx", "CpuWork thread-pool worker-pool": the lesson and the {@link #modelLabel()}. */
        public String label() {
            return lesson.label() + " " + modelLabel();
        }

        /** "vertx", "thread-pool worker-pool": the model, and where its CPU work runs if it has any. */
        public String modelLabel() {
            String placement = params.get("placement");
            return placement == null
                    ? model
                    : model + " " + placement.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param value   mean wall time of one batch over every measured iteration
     * @param error   JMH's 99.9% half-interval, null under two samples
     * @param samples one score per measured iteration, every fork in turn
     */
    public record Score(double value, Double error, String unit, List<Double> samples) {}

    /** Microseconds. */
    public record Percentiles(long count, long p50, long p90, long p99, long p999, long max) {}

    /**
     * @param received          requests that reached the stub
     * @param served            requests it answered (a fault counts: it chose to send it)
     * @param clientDisconnects requests whose client went away first
     * @param peakInFlight      the most in flight at once in any measured iteration
     * @param latenessMicros    the stub's own lateness, from the worst measured iteration
     * @param arrivalSpreadMicros first to last arrival at the stub within a measured iteration, the longest
     * @param cpuNanos          the stub process's CPU time over the measured iterations, -1 when not known
     */
    /**
     * What a trial's model ran on, so a reader can see every model got the same.
     *
     * @param cpuWorkers     threads for offloaded CPU work
     * @param maxConnections the most connections its client may open
     * @param lanes          parts of the model warmed on their own (the event loop's loops; 1 for the others)
     * @param lanesWarmed    lanes that had answered a request before the trial ended, in its fork that had fewest
     */
    public record Resources(int cpuWorkers, int maxConnections, int lanes, int lanesWarmed) {}

    public record Server(
            long received,
            long served,
            long clientDisconnects,
            int peakInFlight,
            Lateness latenessMicros,
            long arrivalSpreadMicros,
            long cpuNanos) {

        /** The stub's CPU per request it received, in microseconds, or null when not known. */
        public Double cpuMicrosPerRequest() {
            return cpuNanos < 0 || received == 0 ? null : cpuNanos / 1000.0 / received;
        }
    }

    /**
     * The stub's own queueing, in microseconds.
     *
     * @param fromClientClock answers measured from the client's send time; the rest from arrival,
     *                        which misses any wait before the stub parsed the request
     */
    public record Lateness(long count, long fromClientClock, long p50, long p90, long p99, long max) {

        /** Below this p99 the stub's own lateness is noise on any machine: no note and no sentence mentions it. */
        public static final long NOISE_P99_MICROS = 5_000;

        /** The stub was late enough (p99) that its share may be worth a word. */
        public boolean aboveNoise() {
            return p99 > NOISE_P99_MICROS;
        }
    }

    /**
     * One measured iteration (one batch, or one open schedule).
     *
     * @param durationMillis from the iteration's start to its end, as the recorder saw them
     * @param throughputPerSecond requests completed per second of the iteration
     * @param dispatchSpreadMicros the send phase: from the first request's dispatch to the last one's
     * @param arrivalSpreadMicros  the same at the stub: first to last arrival; null when not our stub
     * @param failed               requests that did not succeed, the dropped included
     * @param dropped              requests due while the client held its cap in flight: never sent
     * @param meanMicros           the mean response time: with the throughput, Little's law's concurrency
     */
    public record Iteration(
            int fork,
            int index,
            double durationMillis,
            long sent,
            long completed,
            long failed,
            long dropped,
            long p50Micros,
            long p99Micros,
            double throughputPerSecond,
            long dispatchSpreadMicros,
            Long arrivalSpreadMicros,
            long meanMicros) {}

    /**
     * One recording interval.
     *
     * @param startSeconds   since the fork's first measured iteration began
     * @param sent           requests handed to the model in this interval
     * @param completed      requests that ended in it, however they ended
     * @param failed         of those, the ones that did not succeed, by kind
     * @param clientInFlight handed over and not yet ended, at the interval's end
     * @param serverInFlight in flight at the stub at the interval's end, null when not measured
     */
    public record Interval(
            int fork,
            double startSeconds,
            double durationSeconds,
            long sent,
            long completed,
            Map<OutcomeKind, Long> failed,
            long clientInFlight,
            Integer serverInFlight,
            long p50Micros,
            long p99Micros,
            long maxMicros) {

        public double throughputPerSecond() {
            return durationSeconds <= 0 ? 0 : completed / durationSeconds;
        }
    }

    /**
     * What a workload asked of one model: its measured windows in order (measured iteration n of
     * every fork ran window n) and the SLO a window must meet for the model to have sustained it.
     *
     * @param workload the workload's name
     * @param slo      null when the workload sets none (then there is no knee)
     * @param maxInFlight the cap on requests in flight past which an open window dropped requests
     * @param stopped  why the model's last windows were not run (it had clearly broken), null if every window ran
     */
    public record Load(String workload, List<LoadWindow> windows, Slo slo, int maxInFlight, String stopped) {}

    /**
     * @param offeredPerSecond the schedule's mean rate over the window; 0 for a closed window
     * @param seconds          the window's length as scheduled (a closed window of a count: 0)
     * @param concurrency      a closed window's clients, 0 for an open one
     */
    public record LoadWindow(String label, double offeredPerSecond, double seconds, int concurrency) {}

    /**
     * A window meets it when its p99 response time is at most {@code p99Millis} and its failed share at most {@code
     * errorRatio}.
     */
    public record Slo(double p99Millis, double errorRatio) {}

    /** A self-check a trial failed: its numbers cannot be trusted. */
    public record Failure(Check check, String trial, String text) {}

    /** A note, once per check, naming every trial it concerns. */
    public record Note(Check check, String text, List<String> trials) {}
}

package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.jmh.TrialRecord;
import java.util.List;
import java.util.Map;

/**
 * The schema of {@code summary.json}, version {@value #SCHEMA_VERSION}: these records are the
 * schema (the tests read every summary back into them, failing on unknown or missing fields).
 * Times in milliseconds unless a name says micros; a field that could not be measured is null.
 *
 * @param trials   one per benchmark x model x parameters
 * @param warnings every trial's self-check warnings, prefixed with the trial, plus the run's own
 */
public record RunSummary(int schemaVersion, String runId, String preset, String target, List<Trial> trials,
                         List<String> warnings) {

    /** Bump when a field changes meaning or disappears; readers refuse other versions. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * @param score            JMH's score: mean wall time of one batch, its 99.9% error (null with
     *                         fewer than two samples) and the number of samples
     * @param allocBytesPerOp  JMH's gc profiler, bytes allocated per batch (null if not run)
     * @param idealMillis      the physical best for one batch of this model
     * @param efficiency       idealMillis / score (1.0 is perfect)
     * @param outcomes         ended requests by kind, measurement iterations only
     * @param outcomesAddUp    the outcomes sum to {@code sent} and none is LOST
     * @param latencyMicros    response, service and dispatch time percentiles
     * @param warnings         self-checks that failed, in plain words
     */
    public record Trial(String key, String benchmark, String model, Map<String, String> params, Score score,
                        Double allocBytesPerOp, double idealMillis, Double efficiency, int offeredConcurrency,
                        int threadCap, long sent, Map<String, Long> outcomes, boolean outcomesAddUp,
                        Map<String, TrialRecord.Percentiles> latencyMicros, TrialRecord.Server server, int peakThreads,
                        long cpuMicrosPerRequest, long pinnedEvents, Map<String, Long> pinnedAt, long blockedThreadWarnings,
                        Map<String, String> files, List<String> warnings) {}

    public record Score(double value, Double error, String unit, long samples) {}
}

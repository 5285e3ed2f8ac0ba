package dev.fanoutbench.bench.trial;

import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.util.List;
import java.util.Map;

/**
 * What one fork of one trial saw besides JMH's score, written by the forked JVM as
 * {@code records/<key>.fork-<n>.json}; the run's summary merges the forks. Counts, histograms and
 * the timeline cover measured iterations only.
 *
 * @param fork      1 for the first fork of this trial in the run, 2 for the next...
 * @param sent      requests handed to the model, counted where they were handed over
 * @param returned  outcomes the model gave back
 * @param outcomes  requests ended, by kind, counted as each ended
 * @param httpErrorStatuses the HTTP errors' statuses, by status
 * @param peakHeapBytes the most heap in use, sampled at every interval of the measured iterations
 * @param server    what the stub saw, or null if it was not asked
 * @param cpuNanos  process CPU time over the measured iterations
 * @param wallNanos how long the measured iterations took
 * @param backgroundCores what the JVM burned with nothing in flight, in cores
 * @param pinnedAt  where virtual threads blocked while pinned, with why, and how often (the three most frequent)
 * @param hlogFiles the interval logs of this fork, relative to the run folder
 * @param allocatedBytes heap allocated by every thread over the measured iterations, -1 if not measured
 * @param resources what the model ran on, null where no model says
 * @param generator which of the trial's load generators recorded this, null when one sent it all
 * @param windowLog each measured window's response times as one interval of an HdrHistogram log, relative to the
 *                  run folder: what the windows of several generators are added from; null in records before it
 */
public record TrialRecord(
        TrialIdentity trial,
        int fork,
        TrialFacts facts,
        long sent,
        long returned,
        Map<OutcomeKind, Long> outcomes,
        Map<Integer, Long> httpErrorStatuses,
        RunSummary.Server server,
        int peakThreads,
        long cpuNanos,
        long wallNanos,
        double backgroundCores,
        long pinnedEvents,
        Map<String, Long> pinnedAt,
        long blockedThreadWarnings,
        List<RunSummary.Iteration> iterations,
        List<RunSummary.Interval> timeline,
        Map<Series, String> hlogFiles,
        long peakHeapBytes,
        long allocatedBytes,
        RunSummary.Resources resources,
        Generator generator,
        String windowLog) {

    /**
     * Generator {@code index} of {@code count}, and its clock against generator 0's.
     *
     * @param clockOffsetMillis generator 0's clock minus this one's, within {@code clockBoundMillis}
     * @param startedAtMillis   when this generator started the first measured window, on generator 0's clock
     */
    public record Generator(
            int index, int count, double clockOffsetMillis, double clockBoundMillis, double startedAtMillis) {}
}

package dev.fanoutbench.bench.trial;

import dev.fanoutbench.results.Lesson;
import dev.fanoutbench.results.RunSummary;

/**
 * What a benchmark says about its own trial, so that the summary can judge it.
 *
 * @param lesson             the question the trial answers: declared here, once, and carried into the summary
 * @param idealMillis        the physical best for one invocation, in milliseconds
 * @param offeredConcurrency requests the benchmark puts in flight at once
 * @param threadCap          a fixed pool's size when smaller than that, else 0
 * @param scoreIsBatchTime   JMH's score is the wall time of one batch (false for an open schedule)
 * @param failuresExpected   the benchmark sends requests meant to fail
 * @param load               a workload's windows and SLO, null for the fixed benchmarks
 */
public record TrialFacts(
        Lesson lesson,
        double idealMillis,
        int offeredConcurrency,
        int threadCap,
        boolean scoreIsBatchTime,
        boolean failuresExpected,
        RunSummary.Load load) {

    public TrialFacts(
            Lesson lesson,
            double idealMillis,
            int offeredConcurrency,
            int threadCap,
            boolean scoreIsBatchTime,
            boolean failuresExpected) {
        this(lesson, idealMillis, offeredConcurrency, threadCap, scoreIsBatchTime, failuresExpected, null);
    }
}

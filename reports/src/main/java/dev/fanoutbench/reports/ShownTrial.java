package dev.fanoutbench.reports;

import dev.fanoutbench.results.RunSummary;

/**
 * A trial as one section of a report shows it: with the run it came from and its name there (the
 * model, and where its CPU work runs; "A vertx" and "B vertx" in a comparison). A section's trials
 * share every other parameter: they are one {@link BenchmarkCases.Case}.
 */
record ShownTrial(ReportModel.LabelledRun run, RunSummary.Trial trial, String name) {

    static ShownTrial of(ReportModel.LabelledRun run, RunSummary.Trial trial) {
        return new ShownTrial(run, trial, (run.label().isEmpty() ? "" : run.label() + " ") + trial.modelLabel());
    }

    long requestsPerBatch() {
        return trial.score().samples().isEmpty()
                ? trial.sent()
                : trial.sent() / trial.score().samples().size();
    }
}

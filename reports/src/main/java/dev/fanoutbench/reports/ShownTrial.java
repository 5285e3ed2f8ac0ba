package dev.fanoutbench.reports;

import dev.fanoutbench.results.RunSummary;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trial as one section of a report shows it: with the run it came from and its name there
 * (the model, and whatever else tells it apart from the section's other trials; "A vertx" and
 * "B vertx" in a comparison).
 */
record ShownTrial(ReportModel.LabelledRun run, RunSummary.Trial trial, String name) {

    /** Parameters the trial's own label already shows. */
    private static final Set<String> IN_LABEL = Set.of("model", "mode", "placement");

    /** The trials of one section, each named. */
    static List<ShownTrial> named(List<ShownTrial> section) {
        Set<String> varying = new TreeSet<>();
        for (ShownTrial a : section) {
            for (ShownTrial b : section) {
                a.trial.params().forEach((k, v) -> {
                    if (!v.equals(b.trial.params().get(k)) && !IN_LABEL.contains(k)) {
                        varying.add(k);
                    }
                });
            }
        }
        return section.stream().map(t -> new ShownTrial(t.run, t.trial, t.nameWith(varying))).toList();
    }

    private String nameWith(Set<String> varying) {
        StringBuilder name = new StringBuilder(run.label().isEmpty() ? "" : run.label() + " ").append(trial.modelLabel());
        trial.params().forEach((k, v) -> {
            if (varying.contains(k)) {
                name.append(' ').append(k).append('=').append(v.toLowerCase(Locale.ROOT));
            }
        });
        return name.toString();
    }

    long requestsPerBatch() {
        return trial.score().samples().isEmpty() ? trial.sent() : trial.sent() / trial.score().samples().size();
    }
}

package dev.fanoutbench.reports;

import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer at the top of a report: one row per benchmark as it ran (per set of parameters, and
 * per variant: where the CPU work runs, where the blocking call runs), one column per model, each
 * cell the model's result against its own ideal, coloured, and one sentence per row that says what
 * the row shows.
 *
 * @param models the columns, in the lessons' order of models
 */
record Glance(List<String> models, List<Row> rows) {

    static final List<String> MODEL_ORDER = List.of("sequential", "thread-pool", "virtual-threads", "vertx");

    /** @param sectionId where the row's benchmark is shown in full */
    record Row(String benchmark, String sectionId, List<Cell> cells, String sentence) {}

    /**
     * @param value  what the cell says first: the batch's time, or an open schedule's p99
     * @param detail against what: the share of the ideal, or the change from run A
     * @param grade  good, fair, poor or none: its colour
     */
    record Cell(String model, String value, String detail, String grade, String brief) {
        static final Cell EMPTY = new Cell("", "", "", "none", "");

        /** What a console line has room for. */
        String plain() {
            return value.isEmpty() ? "-" : brief.isEmpty() ? value : value + " (" + brief + ")";
        }
    }

    /** @param cases the report's, so each row names its trials' parameters and leads to their section */
    static Glance of(List<RunSummary.Trial> trials, BenchmarkCases cases) {
        List<String> models = modelsOf(trials);
        List<Row> out = new ArrayList<>();
        for (RowOfTrials row : rowsOf(trials, cases)) {
            List<RunSummary.Trial> inRow = row.trials();
            List<Cell> cells = new ArrayList<>();
            for (String model : models) {
                cells.add(inRow.stream()
                        .filter(t -> baseModel(t).equals(model))
                        .findFirst()
                        .map(t -> cell(t, inRow))
                        .orElse(Cell.EMPTY));
            }
            out.add(new Row(row.label(), row.sectionId(), cells, sentence(inRow)));
        }
        return new Glance(models, out);
    }

    /** A comparison's glance: B's result in each cell, with the change from A and its verdict. */
    static Glance of(Comparison comparison, List<RunSummary.Trial> bTrials, BenchmarkCases cases) {
        Map<String, Comparison.TrialChange> changes = new LinkedHashMap<>();
        comparison.trials().forEach(c -> changes.put(c.key(), c));
        List<RunSummary.Trial> compared =
                bTrials.stream().filter(t -> changes.containsKey(t.key())).toList();
        List<String> models = modelsOf(compared);
        List<Row> out = new ArrayList<>();
        for (RowOfTrials row : rowsOf(compared, cases)) {
            List<RunSummary.Trial> inRow = row.trials();
            List<Cell> cells = new ArrayList<>();
            Map<Comparison.Verdict, Integer> verdicts = new LinkedHashMap<>();
            for (String model : models) {
                RunSummary.Trial trial = inRow.stream()
                        .filter(t -> baseModel(t).equals(model))
                        .findFirst()
                        .orElse(null);
                if (trial == null) {
                    cells.add(Cell.EMPTY);
                    continue;
                }
                Comparison.TrialChange change = changes.get(trial.key());
                verdicts.merge(change.verdict(), 1, Integer::sum);
                Comparison.MetricChange primary =
                        change.metric(trial.scoreIsBatchTime() ? Comparison.Metric.SCORE : Comparison.Metric.P99);
                String moved = primary == null || Double.isInfinite(primary.change())
                        ? ""
                        : String.format(Locale.ROOT, "%+.1f%% ", primary.change() * 100);
                String said = moved
                        + switch (change.verdict()) {
                            case SAME -> "same";
                            case NOISE -> "within noise";
                            case INSUFFICIENT -> "insufficient samples";
                            case FASTER -> "faster";
                            case SLOWER -> "SLOWER";
                        };
                cells.add(new Cell(
                        model,
                        headline(trial),
                        said,
                        switch (change.verdict()) {
                            case SLOWER -> "poor";
                            case FASTER -> "good";
                            default -> "none";
                        },
                        said));
            }
            List<String> counts = new ArrayList<>();
            verdicts.forEach((verdict, n) -> counts.add(n + " " + verdict.name().toLowerCase(Locale.ROOT)));
            out.add(new Row(row.label(), row.sectionId(), cells, "B against A: " + String.join(", ", counts)));
        }
        return new Glance(models, out);
    }

    /** The table as plain text, for the console: one line per row, then its sentence. */
    String plainText() {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("benchmark"));
        header.addAll(models);
        table.add(header);
        for (Row row : rows) {
            List<String> line = new ArrayList<>(List.of(row.benchmark()));
            row.cells().forEach(c -> line.add(c.plain()));
            table.add(line);
        }
        int[] widths = new int[header.size()];
        table.forEach(line -> {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < table.size(); r++) {
            List<String> line = table.get(r);
            for (int i = 0; i < line.size(); i++) {
                text.append(String.format(i == 0 ? "%-" + widths[i] + "s" : "  %" + widths[i] + "s", line.get(i)));
            }
            text.append(System.lineSeparator());
            if (r > 0) {
                text.append("    ").append(rows.get(r - 1).sentence()).append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    private record RowOfTrials(String label, String sectionId, List<RunSummary.Trial> trials) {}

    /** Rows in the report's order of cases, each case split by its variant. */
    private static List<RowOfTrials> rowsOf(List<RunSummary.Trial> trials, BenchmarkCases cases) {
        Map<List<String>, RowOfTrials> rows = new LinkedHashMap<>();
        trials.stream()
                .sorted(Comparator.comparingInt(cases::indexOf).thenComparing(Glance::variant))
                .forEach(t -> rows.computeIfAbsent(
                                List.of(cases.of(t).id(), variant(t)),
                                k -> new RowOfTrials(
                                        rowLabel(t, cases), cases.of(t).id(), new ArrayList<>()))
                        .trials()
                        .add(t));
        return List.copyOf(rows.values());
    }

    /** The glance's row of a trial: its case's label, and its variant. */
    static String rowLabel(RunSummary.Trial trial, BenchmarkCases cases) {
        String variant = variant(trial);
        return cases.of(trial).label() + (variant.isEmpty() ? "" : ", " + variant);
    }

    private static List<String> modelsOf(List<RunSummary.Trial> trials) {
        List<String> models = new ArrayList<>();
        MODEL_ORDER.forEach(m -> {
            if (trials.stream().anyMatch(t -> baseModel(t).equals(m))) {
                models.add(m);
            }
        });
        trials.stream()
                .map(Glance::baseModel)
                .distinct()
                .filter(m -> !models.contains(m))
                .forEach(models::add);
        return models;
    }

    private static Cell cell(RunSummary.Trial trial, List<RunSummary.Trial> row) {
        if (Knee.of(trial) != null) {
            return kneeCell(trial, row);
        }
        long failed = trial.failed();
        String failures = failed > 0 ? String.format(Locale.ROOT, ", %,d failed", failed) : "";
        if (!trial.scoreIsBatchTime()) {
            long best = row.stream().mapToLong(t -> t.response().p99()).min().orElse(1);
            double ratio = (double) trial.response().p99() / Math.max(1, best);
            return new Cell(
                    baseModel(trial),
                    headline(trial),
                    "p50 " + Format.micros(trial.response().p50()) + failures,
                    failed > 0 ? "poor" : ratio <= 1.1 ? "good" : ratio <= 2 ? "fair" : "poor",
                    failures.replace(", ", ""));
        }
        double efficiency = trial.efficiency() == null ? 0 : trial.efficiency();
        return new Cell(
                baseModel(trial),
                headline(trial),
                String.format(Locale.ROOT, "%.2f of ideal", efficiency) + failures,
                failed > 0 ? "poor" : efficiency >= 0.9 ? "good" : efficiency >= 0.6 ? "fair" : "poor",
                String.format(Locale.ROOT, "%.2f", efficiency) + failures);
    }

    /** A workload's cell: the knee, graded against the row's best knee. */
    private static Cell kneeCell(RunSummary.Trial trial, List<RunSummary.Trial> row) {
        Knee knee = Knee.of(trial);
        double best = row.stream()
                .map(Knee::of)
                .filter(k -> k != null && k.sustainedPerSecond() != null)
                .mapToDouble(Knee::sustainedPerSecond)
                .max()
                .orElse(0);
        double mine = knee.sustainedPerSecond() == null ? 0 : knee.sustainedPerSecond();
        String detail = knee.breach() == null
                ? "no breach"
                : "breaks at " + KneeFindings.rate(knee.breach().window().offeredPerSecond());
        if (knee.breach() != null
                && knee.highestMet() != null
                && knee.highestMet() > knee.breach().window().offeredPerSecond()) {
            detail += ", met again up to " + KneeFindings.rate(knee.highestMet());
        }
        return new Cell(
                baseModel(trial),
                headline(trial),
                detail,
                best > 0 && mine >= best ? "good" : mine >= 0.5 * best && mine > 0 ? "fair" : "poor",
                "");
    }

    private static String headline(RunSummary.Trial trial) {
        Knee knee = Knee.of(trial);
        if (knee != null) {
            return knee.sustainedPerSecond() == null
                    ? "no knee"
                    : (knee.breach() == null ? "knee >= " : "knee ") + KneeFindings.rate(knee.sustainedPerSecond());
        }
        return trial.scoreIsBatchTime()
                ? Format.duration(trial.score().value())
                : "p99 " + Format.micros(trial.response().p99());
    }

    /** What the row shows, from its numbers: who was fastest, how far the slowest was from it. */
    private static String sentence(List<RunSummary.Trial> row) {
        if (Knee.of(row.get(0)) != null) {
            RunSummary.Trial most = row.stream()
                    .max(Comparator.comparingDouble(t -> {
                        Knee k = Knee.of(t);
                        return k == null || k.sustainedPerSecond() == null ? 0 : k.sustainedPerSecond();
                    }))
                    .orElseThrow();
            return baseModel(most) + " carried the most within the SLO: " + headline(most)
                    + ". The section says what limited each model.";
        }
        boolean batch = row.get(0).scoreIsBatchTime();
        Comparator<RunSummary.Trial> faster = batch
                ? Comparator.comparingDouble(t -> t.score().value())
                : Comparator.comparingLong(t -> t.response().p99());
        RunSummary.Trial best = row.stream().min(faster).orElseThrow();
        RunSummary.Trial worst = row.stream().max(faster).orElseThrow();
        String failed = row.stream().anyMatch(t -> t.failed() > 0) ? " Some requests failed: see the self-checks." : "";
        if (row.size() == 1) {
            return batch
                    ? String.format(
                                    Locale.ROOT,
                                    "%s: %s against an ideal of %s.",
                                    baseModel(best),
                                    headline(best),
                                    Format.duration(best.idealMillis()))
                            + failed
                    : baseModel(best) + ": " + headline(best) + "." + failed;
        }
        double ratio = batch
                ? worst.score().value() / best.score().value()
                : (double) worst.response().p99() / Math.max(1, best.response().p99());
        String lead = batch
                ? String.format(
                        Locale.ROOT,
                        "%s fastest at %s (%.2f of its ideal)",
                        baseModel(best),
                        headline(best),
                        best.efficiency() == null ? 0 : best.efficiency())
                : String.format(Locale.ROOT, "%s lowest at %s", baseModel(best), headline(best));
        if (ratio < 1.1) {
            return lead + "; every model within 10% of it." + failed;
        }
        return String.format(Locale.ROOT, "%s; %s %.1fx that, %s.", lead, baseModel(worst), ratio, headline(worst))
                + failed;
    }

    /** "vertx" for "vertx-blocking-on-loop": the model's column. */
    static String baseModel(RunSummary.Trial trial) {
        String model = trial.params().getOrDefault("model", trial.model());
        for (String known : MODEL_ORDER) {
            if (model.equals(known) || model.startsWith(known + "-")) {
                return known;
            }
        }
        return model;
    }

    /** What else tells the trial's row apart: where its CPU work runs, where its blocking call runs. */
    static String variant(RunSummary.Trial trial) {
        String placement = trial.params().get("placement");
        if (placement != null) {
            return placement.equals("IN_PLACE") ? "in place" : "on a worker pool";
        }
        String model = trial.model();
        String base = baseModel(trial);
        return model.startsWith(base + "-") ? model.substring(base.length() + 1).replace('-', ' ') : "";
    }
}

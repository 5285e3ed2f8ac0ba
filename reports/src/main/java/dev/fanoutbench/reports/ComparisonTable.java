package dev.fanoutbench.reports;

import java.util.ArrayList;
import java.util.List;

/** A comparison's rows, built once and rendered three ways: the terminal, Markdown, and the HTML report. */
record ComparisonTable(List<String> header, List<List<String>> rows) {

    static ComparisonTable of(Comparison comparison) {
        List<String> header =
                List.of("trial", "A score", "B score", "score", "p50", "p99", "throughput", "failed", "verdict");
        List<List<String>> rows = new ArrayList<>();
        for (Comparison.TrialChange trial : comparison.trials()) {
            Comparison.MetricChange score = trial.metric(Comparison.Metric.SCORE);
            Comparison.MetricChange failed = trial.metric(Comparison.Metric.FAILED);
            rows.add(List.of(
                    trial.label(),
                    score == null ? "-" : Format.duration(score.a()),
                    score == null ? "-" : Format.duration(score.b()),
                    change(score),
                    change(trial.metric(Comparison.Metric.P50)),
                    change(trial.metric(Comparison.Metric.P99)),
                    change(trial.metric(Comparison.Metric.THROUGHPUT)),
                    failed == null ? "-" : String.format("%,.0f -> %,.0f", failed.a(), failed.b()),
                    verdict(trial)));
        }
        return new ComparisonTable(header, rows);
    }

    String terminal() {
        int[] widths = new int[header.size()];
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : all()) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // names and verdicts read left to right; numbers line up on the right
                text.append(
                        i == 0 || i == row.size() - 1
                                ? String.format("%-" + widths[i] + "s", cell)
                                : String.format("%" + widths[i] + "s", cell));
                text.append(i == row.size() - 1 ? "" : "  ");
            }
            text.append(System.lineSeparator());
        }
        return text.toString();
    }

    String markdown() {
        StringBuilder md = new StringBuilder("| " + String.join(" | ", header) + " |\n|");
        md.append("---|".repeat(header.size())).append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return md.toString();
    }

    /** The header, then the rows: the HTML report lays them out. */
    List<List<String>> all() {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private static String change(Comparison.MetricChange m) {
        if (m == null) {
            return "-";
        }
        if (m.verdict() == Comparison.Verdict.INSUFFICIENT) {
            return "n/a";
        }
        return Double.isInfinite(m.change()) ? "new" : String.format("%+.1f%%", m.change() * 100);
    }

    static String verdict(Comparison.TrialChange trial) {
        List<String> decided = trial.metrics().stream()
                .filter(m -> m.verdict() == trial.verdict())
                .map(m -> m.metric().label)
                .toList();
        return switch (trial.verdict()) {
            case SAME -> "same";
            case NOISE -> "within noise";
            // a workload's trial has no metrics to test: its knee is shown, not judged
            case INSUFFICIENT ->
                trial.metrics().isEmpty()
                        ? "not judged (one knee per run)"
                        : "insufficient samples (< " + Comparison.MIN_SAMPLES + ")";
            case FASTER -> "faster (" + String.join(", ", decided) + ")";
            case SLOWER -> "SLOWER (" + String.join(", ", decided) + ")";
        };
    }
}

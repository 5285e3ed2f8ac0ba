package dev.fanoutbench.reports;

import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Run B against run A, trial by trial and metric by metric: the score (where it is a batch's wall
 * time), response-time p50 and p99, throughput, and failed requests, each from one sample per
 * measured iteration. A change counts only when it is at least the threshold AND Welch's t-test
 * finds it significant, at a family-wise error rate held across every metric of every trial
 * (Holm's step-down correction): with dozens of tests per comparison, an uncorrected 5% would
 * flag something on most identical runs. Fewer than {@value #MIN_SAMPLES} samples on a side is
 * "insufficient samples", never "same". A failure where A had none needs no test.
 *
 * @param threshold   smallest relative change that counts (0.05 = 5%)
 * @param familyAlpha the chance, over the whole comparison, of flagging a change that is not there
 * @param onlyInA     trials B lacks: a comparison that cannot see them cannot pass
 * @param bFailures   B's own self-check failures: its numbers cannot be trusted
 */
public record Comparison(
        double threshold,
        double familyAlpha,
        List<TrialChange> trials,
        List<String> onlyInA,
        List<String> onlyInB,
        List<String> bFailures) {

    public static final int MIN_SAMPLES = 3;

    public enum Verdict {
        SAME,
        NOISE,
        INSUFFICIENT,
        FASTER,
        SLOWER
    }

    public enum Metric {
        SCORE("score", true, "ms"),
        P50("p50", true, "ms"),
        P99("p99", true, "ms"),
        THROUGHPUT("throughput", false, "/s"),
        FAILED("failed", true, "");

        final String label;
        final boolean lowerIsBetter;
        final String unit;

        Metric(String label, boolean lowerIsBetter, String unit) {
            this.label = label;
            this.lowerIsBetter = lowerIsBetter;
            this.unit = unit;
        }
    }

    /** @param pValue Welch's two-sided p, null where no test ran */
    public record MetricChange(
            Metric metric,
            double a,
            double b,
            double change,
            int samplesA,
            int samplesB,
            Double pValue,
            Verdict verdict) {}

    public record TrialChange(String key, String label, List<MetricChange> metrics, Verdict verdict) {

        public MetricChange metric(Metric metric) {
            return metrics.stream()
                    .filter(m -> m.metric() == metric)
                    .findFirst()
                    .orElse(null);
        }
    }

    public static Comparison of(RunSummary a, RunSummary b, double threshold, double familyAlpha) {
        BenchmarkCases cases = BenchmarkCases.of(List.of(a, b));
        Function<RunSummary.Trial, String> label = t -> cases.of(t).named(t.label());
        Map<String, RunSummary.Trial> inB = new LinkedHashMap<>();
        b.trials().forEach(t -> inB.put(t.key(), t));
        List<String> onlyInA = new ArrayList<>();
        List<TrialChange> workloads = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Map<String, RunSummary.Trial> pairs = new LinkedHashMap<>();
        for (RunSummary.Trial ta : a.trials()) {
            RunSummary.Trial tb = inB.remove(ta.key());
            if (tb == null) {
                onlyInA.add(label.apply(ta) + " (" + ta.key() + ")");
                continue;
            }
            if (ta.load() != null || tb.load() != null) {
                // a workload's windows are different rates, not repeats of one: its samples cannot be tested
                // against each other, and one knee per run has no repeat to tell a change from noise
                workloads.add(new TrialChange(
                        ta.key(),
                        label.apply(ta) + ": knee " + knee(ta) + " -> " + knee(tb),
                        List.of(),
                        Verdict.INSUFFICIENT));
                continue;
            }
            pairs.put(ta.key(), ta);
            for (Metric metric : Metric.values()) {
                if (metric == Metric.SCORE && !(ta.scoreIsBatchTime() && tb.scoreIsBatchTime())) {
                    continue; // an open schedule's score is its length: its latency is what changed
                }
                pending.add(new Pending(ta.key(), metric, samples(ta, metric), samples(tb, metric)));
            }
        }
        Set<Pending> significant = holm(pending, familyAlpha);
        List<TrialChange> trials = new ArrayList<>();
        for (Map.Entry<String, RunSummary.Trial> pair : pairs.entrySet()) {
            List<MetricChange> metrics = pending.stream()
                    .filter(p -> p.key.equals(pair.getKey()))
                    .map(p -> p.judge(threshold, significant.contains(p)))
                    .toList();
            trials.add(new TrialChange(pair.getKey(), label.apply(pair.getValue()), metrics, overall(metrics)));
        }
        trials.addAll(workloads);
        List<String> onlyInB = inB.values().stream()
                .map(t -> label.apply(t) + " (" + t.key() + ")")
                .toList();
        List<String> bFailures =
                b.failures().stream().map(f -> f.trial() + ": " + f.text()).toList();
        return new Comparison(threshold, familyAlpha, trials, onlyInA, onlyInB, bFailures);
    }

    private static String knee(RunSummary.Trial trial) {
        Knee knee = Knee.of(trial);
        return knee == null
                ? "none (no SLO)"
                : knee.sustainedPerSecond() == null ? "none" : KneeFindings.rate(knee.sustainedPerSecond());
    }

    public boolean regressed() {
        return trials.stream().anyMatch(t -> t.verdict() == Verdict.SLOWER);
    }

    /** How B is worse than A, in words: slower trials, trials it lacks. Empty when it is not. */
    public List<String> regressions() {
        List<String> regressions = new ArrayList<>();
        trials.stream().filter(t -> t.verdict() == Verdict.SLOWER).forEach(t -> regressions.add(why(t)));
        onlyInA.forEach(k -> regressions.add("missing in B: " + k));
        return regressions;
    }

    /** Why this comparison fails, in words: its regressions, and B's own self-check failures. Empty when it passes. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>(regressions());
        bFailures.forEach(f -> reasons.add("B failed a self-check: " + f));
        return reasons;
    }

    /** "FanOut vertx is slower: score +10.1% (p=3.1e-05), ...". */
    static String why(TrialChange trial) {
        return trial.label() + " is slower: "
                + String.join(
                        ", ",
                        trial.metrics().stream()
                                .filter(m -> m.verdict() == Verdict.SLOWER)
                                .map(Comparison::describe)
                                .toList());
    }

    public boolean failed() {
        return !reasons().isEmpty();
    }

    /** "p50 +9.8% (p=0.0001)" or "failed 0 -> 12". */
    static String describe(MetricChange m) {
        if (m.metric() == Metric.FAILED) {
            return String.format("failed %,.0f -> %,.0f per iteration", m.a(), m.b());
        }
        return String.format(
                "%s %+.1f%%%s",
                m.metric().label, m.change() * 100, m.pValue() == null ? "" : String.format(" (p=%.2g)", m.pValue()));
    }

    private static double[] samples(RunSummary.Trial trial, Metric metric) {
        Function<RunSummary.Iteration, Double> value = switch (metric) {
            case SCORE -> null;
            case P50 -> i -> i.p50Micros() / 1000.0;
            case P99 -> i -> i.p99Micros() / 1000.0;
            case THROUGHPUT -> RunSummary.Iteration::throughputPerSecond;
            case FAILED -> i -> (double) i.failed();
        };
        if (value == null) {
            return trial.score().samples().stream()
                    .mapToDouble(Double::doubleValue)
                    .toArray();
        }
        return trial.iterations().stream()
                .map(value)
                .mapToDouble(Double::doubleValue)
                .toArray();
    }

    /** Holm's step-down: the i-th smallest p of m is significant while p <= alpha / (m - i). */
    private static Set<Pending> holm(List<Pending> all, double familyAlpha) {
        List<Pending> tested = all.stream()
                .filter(p -> p.pValue != null)
                .sorted(Comparator.comparingDouble(p -> p.pValue))
                .toList();
        Set<Pending> significant = new HashSet<>();
        for (int i = 0; i < tested.size(); i++) {
            if (tested.get(i).pValue > familyAlpha / (tested.size() - i)) {
                break;
            }
            significant.add(tested.get(i));
        }
        return significant;
    }

    private static Verdict overall(List<MetricChange> metrics) {
        for (Verdict v : List.of(Verdict.SLOWER, Verdict.FASTER)) {
            if (metrics.stream().anyMatch(m -> m.verdict() == v)) {
                return v;
            }
        }
        if (metrics.stream().allMatch(m -> m.verdict() == Verdict.INSUFFICIENT)) {
            return Verdict.INSUFFICIENT;
        }
        return metrics.stream().anyMatch(m -> m.verdict() == Verdict.NOISE) ? Verdict.NOISE : Verdict.SAME;
    }

    /** One metric of one trial before the family-wise correction has decided which tests count. */
    private static final class Pending {
        final String key;
        final Metric metric;
        final double[] a;
        final double[] b;
        final double meanA;
        final double meanB;
        final Double pValue;

        Pending(String key, Metric metric, double[] a, double[] b) {
            this.key = key;
            this.metric = metric;
            this.a = a;
            this.b = b;
            this.meanA = a.length == 0 ? Double.NaN : WelchTest.mean(a);
            this.meanB = b.length == 0 ? Double.NaN : WelchTest.mean(b);
            boolean newFailures = metric == Metric.FAILED && meanA == 0;
            this.pValue = enough() && !newFailures ? WelchTest.of(a, b).pValue() : null;
        }

        boolean enough() {
            return a.length >= MIN_SAMPLES && b.length >= MIN_SAMPLES;
        }

        MetricChange judge(double threshold, boolean significant) {
            double change = meanA == 0 ? (meanB == 0 ? 0 : Double.POSITIVE_INFINITY) : (meanB - meanA) / meanA;
            Verdict verdict;
            if (metric == Metric.FAILED && meanA == 0 && meanB > 0) {
                verdict = Verdict.SLOWER; // failures where there were none need no statistics
            } else if (!enough()) {
                verdict = Verdict.INSUFFICIENT;
            } else if (Math.abs(change) < threshold) {
                verdict = Verdict.SAME;
            } else if (!significant) {
                verdict = Verdict.NOISE;
            } else {
                verdict = (change > 0) == metric.lowerIsBetter ? Verdict.SLOWER : Verdict.FASTER;
            }
            return new MetricChange(metric, meanA, meanB, change, a.length, b.length, pValue, verdict);
        }
    }
}

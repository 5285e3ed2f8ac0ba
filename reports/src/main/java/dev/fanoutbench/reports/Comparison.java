package dev.fanoutbench.reports;

import dev.fanoutbench.bench.run.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Run A against run B, trial by trial. A change counts only if it is beyond the threshold AND
 * JMH's error intervals do not overlap (or, where a score has no error, the median response time
 * moved beyond the threshold the same way): noise is not a regression.
 */
public record Comparison(List<Line> lines, List<String> onlyInA, List<String> onlyInB) {

    public enum Verdict { SAME, NOISE, FASTER, SLOWER }

    public record Line(String key, String benchmark, String model, double a, Double aError, double b, Double bError,
                       double change, Verdict verdict) {}

    public static Comparison of(RunSummary a, RunSummary b, double threshold) {
        Map<String, RunSummary.Trial> inB = new LinkedHashMap<>();
        b.trials().forEach(t -> inB.put(t.key(), t));
        List<Line> lines = new ArrayList<>();
        List<String> onlyInA = new ArrayList<>();
        for (RunSummary.Trial ta : a.trials()) {
            RunSummary.Trial tb = inB.remove(ta.key());
            if (tb == null) {
                onlyInA.add(ta.key());
                continue;
            }
            double sa = ta.score().value();
            double sb = tb.score().value();
            double change = sa == 0 ? 0 : (sb - sa) / sa;
            lines.add(new Line(ta.key(), ta.benchmark().replaceAll("\\..*", ""), label(ta), sa, ta.score().error(), sb,
                    tb.score().error(), change, verdict(ta, tb, change, threshold)));
        }
        return new Comparison(lines, onlyInA, new ArrayList<>(inB.keySet()));
    }

    public boolean hasRegression() {
        return lines.stream().anyMatch(l -> l.verdict() == Verdict.SLOWER);
    }

    private static Verdict verdict(RunSummary.Trial a, RunSummary.Trial b, double change, double threshold) {
        if (Math.abs(change) < threshold) {
            return Verdict.SAME;
        }
        boolean separated;
        Double ea = a.score().error();
        Double eb = b.score().error();
        if (ea != null && eb != null) {
            separated = change > 0
                    ? b.score().value() - eb > a.score().value() + ea
                    : b.score().value() + eb < a.score().value() - ea;
        } else {
            long p50a = a.latencyMicros().get("response").p50();
            long p50b = b.latencyMicros().get("response").p50();
            double p50Change = p50a == 0 ? 0 : (double) (p50b - p50a) / p50a;
            separated = Math.abs(p50Change) >= threshold && Math.signum(p50Change) == Math.signum(change);
        }
        if (!separated) {
            return Verdict.NOISE;
        }
        return change > 0 ? Verdict.SLOWER : Verdict.FASTER;
    }

    static String label(RunSummary.Trial trial) {
        StringBuilder label = new StringBuilder(trial.model());
        trial.params().forEach((k, v) -> {
            if (k.equals("placement")) {
                label.append(' ').append(v.toLowerCase().replace('_', '-'));
            }
        });
        return label.toString();
    }
}

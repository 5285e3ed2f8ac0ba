package dev.fanoutbench.bench.run;

import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal's last word on a run: one line per trial, then the warnings in plain words. */
public final class SummaryPrinter {

    private SummaryPrinter() {}

    public static void print(RunSummary summary, PrintStream out) {
        String format = "%-34s %-16s %12s %9s %6s %11s %9s %9s%n";
        out.printf(format, "benchmark (params)", "model", "score ms", "ideal ms", "eff", "ok/sent", "p99 ms", "stub p99");
        for (RunSummary.Trial t : summary.trials()) {
            String params = t.params().entrySet().stream()
                    .filter(e -> !e.getKey().equals("model") && !e.getKey().equals("mode"))
                    .map(Map.Entry::getValue).collect(Collectors.joining(","));
            String name = t.benchmark().replace("Benchmark", "").replaceAll("\\..*", "") + (params.isEmpty() ? "" : " (" + params + ")");
            String model = t.params().getOrDefault("model", t.model());
            String score = t.score().error() == null ? String.format("%.1f", t.score().value())
                    : String.format("%.1f±%.1f", t.score().value(), t.score().error());
            out.printf(format, name, model, score, String.format("%.0f", t.idealMillis()),
                    t.efficiency() == null ? "-" : String.format("%.2f", t.efficiency()),
                    t.outcomes().getOrDefault("SUCCESS", 0L) + "/" + t.sent(),
                    String.format("%.1f", t.latencyMicros().get("response").p99() / 1000.0),
                    String.format("%.1f", t.server().latenessMicros().p99Micros() / 1000.0));
        }
        if (!summary.warnings().isEmpty()) {
            out.println();
            out.println("Warnings:");
            summary.warnings().forEach(w -> out.println("- " + w));
        }
    }
}

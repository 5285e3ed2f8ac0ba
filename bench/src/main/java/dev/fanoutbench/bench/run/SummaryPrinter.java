package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import java.io.PrintStream;

/** The terminal's word on a run: one line per trial, then the failures, then the notes, each once. */
public final class SummaryPrinter {

    private SummaryPrinter() {}

    public static void print(RunSummary summary, PrintStream out) {
        String format = "%-44s %14s %9s %6s %13s %9s %9s%n";
        out.printf(format, "trial", "score ms", "ideal ms", "eff", "ok/sent", "p99 ms", "stub p99");
        for (RunSummary.Trial t : summary.trials()) {
            String score = t.score().error() == null ? String.format("%.1f", t.score().value())
                    : String.format("%.1f±%.1f", t.score().value(), t.score().error());
            out.printf(format, t.label(), score, String.format("%.0f", t.idealMillis()),
                    t.efficiency() == null ? "-" : String.format("%.2f", t.efficiency()),
                    t.count(OutcomeKind.SUCCESS) + "/" + t.sent(),
                    String.format("%.1f", t.response().p99() / 1000.0),
                    t.server() == null ? "-" : String.format("%.1f", t.server().latenessMicros().p99() / 1000.0));
        }
        out.println();
        if (summary.failures().isEmpty()) {
            out.println("Self-checks: no failures (every request accounted for, the stub agrees).");
        } else {
            out.println("Self-check FAILURES: these trials' numbers cannot be trusted");
            summary.failures().forEach(f -> out.println("- " + f.trial() + ": " + f.text()));
        }
        if (!summary.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            for (RunSummary.Note note : summary.notes()) {
                out.println("- " + note.text());
                note.trials().forEach(t -> out.println("    " + t));
            }
        }
    }
}

package dev.fanoutbench.reports;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.JUnitReport;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Sla;
import dev.fanoutbench.results.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes {@code index.html} into a run folder (the end of every {@code mvn verify -Pbench}, or by
 * hand on any finished run) and gives the run's verdict: its self-check failures and the SLA, if
 * one is given, also as JUnit XML ({@code verdicts.xml}). Its last line is the report's path. Exit
 * codes as {@link Cli}: 0 passed; 1 a self-check failed (unless failures are allowed); 2 bad input;
 * 99 an SLA rule breached.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, description = "Writes the HTML report of a run folder.")
public final class ReportMain implements Callable<Integer> {

    @Parameters(index = "0", description = "the run folder (e.g. reports/runs/latest)")
    Path run;

    @Option(names = "--sla", description = "rules like \"fanout.vertx.p99 < 250ms; bounded.*.efficiency > 0.95\", or @FILE")
    String sla = "";

    @Option(names = "--allow-failures", arity = "0..1", description = "exit 0 even if a self-check failed (the report"
            + " still says so at the top)")
    boolean allowFailures;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return Cli.of(new ReportMain(), "report", System.err, e -> e instanceof BadInputException).execute(args);
    }

    @Override
    public Integer call() {
        RunFolderReader folder = RunFolderReader.open(run);
        List<Sla.Result> checked = Sla.parse(sla).check(folder.summary());
        List<String> breaches = checked.stream().filter(r -> !r.holds()).map(Sla.Result::describe).toList();
        ReportModel model = ReportModel.of("fanout-bench run " + folder.id(),
                List.of(new ReportModel.LabelledRun("", folder, "")), breaches);
        Path html = folder.folder().resolve("index.html");
        HtmlRenderer.write(model, html);
        // the console's last word on a run: the answer, what failed, how many notes, where the report is
        System.out.println();
        System.out.println("At a glance (" + folder.id() + "):");
        System.out.print(model.glance().plainText());
        System.out.println();
        RunSummary summary = folder.summary();
        String notChecked = ReportBuilder.notChecked(summary.trials());
        if (summary.passed()) {
            System.out.println("Self-checks: passed (every request accounted for" + (notChecked.isEmpty() ? ", the stub agrees"
                    : "; " + notChecked) + ").");
        } else {
            System.out.println("Self-checks: " + summary.failures().size() + " FAILED, these numbers cannot be trusted"
                    + (allowFailures ? " (allowed by --allow-failures)" : "") + ":");
            summary.failures().forEach(f -> System.out.println("- " + f.trial() + ": " + f.text()));
            if (!notChecked.isEmpty()) {
                System.out.println("Also: " + notChecked + ".");
            }
        }
        breaches.forEach(b -> System.out.println("SLA breached: " + b));
        System.out.println("Notes: " + summary.notes().size() + (summary.notes().isEmpty() ? "" : " (in the report)"));
        System.out.println("report: " + html);
        JUnitReport verdicts = new JUnitReport().add("self-checks", JUnitReport.selfChecks(summary));
        if (!checked.isEmpty()) {
            verdicts.add("sla", JUnitReport.sla(checked));
        }
        try {
            verdicts.write(folder.folder().resolve("verdicts.xml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the run's verdicts.xml", e);
        }
        return !summary.passed() && !allowFailures ? Cli.FAILED : !breaches.isEmpty() ? Cli.SLA_BREACHED : Cli.OK;
    }
}

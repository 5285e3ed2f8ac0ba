package dev.fanoutbench.reports;

import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.JUnitReport;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Sla;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of every run, in the process that ran it: the report ({@code index.html}), the console's
 * last word (the answer at a glance, what failed, how many notes, where the report is), the
 * verdicts as JUnit XML ({@code verdicts.xml}) and the exit code. The run is named by its folder,
 * never found through {@code latest}, so two runs close together each get their own verdict.
 */
public final class RunVerdict {

    private RunVerdict() {}

    /**
     * @param sla           rules like "fanout.vertx.p99 < 250ms", or @FILE; blank for none
     * @param allowFailures exit 0 even if a self-check failed (the report still says so)
     * @return the exit code as {@link Cli}: 0 passed; 1 a self-check failed; 99 an SLA rule breached
     */
    public static int give(Path runFolder, String sla, boolean allowFailures) {
        RunFolderReader folder = RunFolderReader.open(runFolder);
        List<Sla.Result> checked = Sla.parse(sla).check(folder.summary());
        List<String> breaches = checked.stream()
                .filter(r -> !r.holds())
                .map(Sla.Result::describe)
                .toList();
        ReportModel model = ReportModel.of(
                "fanout-bench run " + folder.id(), List.of(new ReportModel.LabelledRun("", folder, "")), breaches);
        Path html = folder.folder().resolve("index.html");
        HtmlRenderer.write(model, html);
        // the console's last word on a run: the answer, what failed, how many notes, where the report is
        System.out.println();
        System.out.println("At a glance (" + folder.id() + "):");
        System.out.print(model.glance().plainText());
        System.out.println();
        RunSummary summary = folder.summary();
        String notChecked = ReportBuilder.notChecked(folder);
        if (summary.passed()) {
            System.out.println("Self-checks: passed (every request accounted for"
                    + (notChecked.isEmpty() ? ", the stub agrees" : "; " + notChecked) + ").");
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's verdicts.xml", e);
        }
        return !summary.passed() && !allowFailures ? Cli.FAILED : !breaches.isEmpty() ? Cli.SLA_BREACHED : Cli.OK;
    }
}

package dev.fanoutbench.reports;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Sla;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes {@code index.html} into a run folder (the end of every {@code mvn verify -Pbench}, or by
 * hand on any finished run) and gives the run's verdict: its self-check failures and the SLA, if
 * one is given. Its last line is the report's path. Exit 0; 1 if a self-check failed (unless
 * failures are allowed) or the SLA is breached; 2 for bad input.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the HTML report of a run folder.")
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
        List<String> breaches = Sla.parse(sla).breaches(folder.summary());
        ReportModel model = ReportModel.of("fanout-bench run " + folder.id(),
                List.of(new ReportModel.LabelledRun("", folder, "")), breaches);
        Path html = folder.folder().resolve("index.html");
        HtmlRenderer.write(model, html);
        breaches.forEach(b -> System.out.println("SLA breached: " + b));
        boolean failed = !folder.summary().passed();
        if (failed) {
            System.out.println("report: " + folder.summary().failures().size() + " self-check failures: this run's numbers"
                    + " cannot be trusted" + (allowFailures ? " (allowed by --allow-failures)" : ""));
        }
        System.out.println("report: " + html);
        return (failed && !allowFailures) || !breaches.isEmpty() ? 1 : 0;
    }
}

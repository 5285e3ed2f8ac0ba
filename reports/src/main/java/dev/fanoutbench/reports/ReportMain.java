package dev.fanoutbench.reports;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import java.nio.file.Path;
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
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Writes the HTML report of a run folder.")
public final class ReportMain implements Callable<Integer> {

    @Parameters(index = "0", description = "the run folder (e.g. reports/runs/latest)")
    Path run;

    @Option(
            names = "--sla",
            description = "rules like \"fanout.vertx.p99 < 250ms; bounded.*.efficiency > 0.95\", or @FILE")
    String sla = "";

    @Option(
            names = "--allow-failures",
            arity = "0..1",
            description = "exit 0 even if a self-check failed (the report" + " still says so at the top)")
    boolean allowFailures;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return Cli.of(new ReportMain(), "report", System.err, e -> e instanceof BadInputException)
                .execute(args);
    }

    @Override
    public Integer call() {
        return RunVerdict.give(run, sla, allowFailures);
    }
}

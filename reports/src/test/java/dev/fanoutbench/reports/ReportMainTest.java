package dev.fanoutbench.reports;

import static dev.fanoutbench.reports.FixtureRun.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's verdict at the end of the main job: an exit code per kind of failure, and the same verdicts as JUnit XML.
 */
class ReportMainTest {

    @TempDir
    Path runs;

    Path run(String id, boolean failing) throws Exception {
        FixtureRun fixture =
                FixtureRun.in(runs, id).trial("FanOutBenchmark", "vertx", 200, samples(205, 0.005), 201, 203, 205);
        return (failing ? fixture.failing("FanOut vertx", "2 requests were started and never finished") : fixture)
                .write();
    }

    @Test
    void aHealthyRunPassesAndSaysSoInJUnitXml() throws Exception {
        Path run = run("ok", false);
        assertThat(ReportMain.run(run.toString())).isEqualTo(Cli.OK);
        assertThat(run.resolve("verdicts.xml"))
                .content()
                .contains("<testsuite name=\"self-checks\" tests=\"2\" failures=\"0\"", "name=\"FanOut vertx\"");
    }

    @Test
    void aFailedSelfCheckExits1UnlessFailuresAreAllowed() throws Exception {
        Path run = run("failing", true);
        assertThat(ReportMain.run(run.toString())).isEqualTo(Cli.FAILED);
        assertThat(run.resolve("verdicts.xml"))
                .content()
                .contains(
                        "failures=\"1\"",
                        "<failure message=\"NOTHING_LOST: 2 requests were started and never finished\"");
        assertThat(ReportMain.run(run.toString(), "--allow-failures")).isEqualTo(Cli.OK);
    }

    @Test
    void anSlaBreachHasItsOwnExitCodeAndItsOwnTestCase() throws Exception {
        Path run = run("breach", false);
        assertThat(ReportMain.run(run.toString(), "--sla", "fanout.vertx.p99 < 1ms; fanout.*.p50 < 10s"))
                .isEqualTo(Cli.SLA_BREACHED);
        assertThat(run.resolve("verdicts.xml"))
                .content()
                .contains(
                        "<testsuite name=\"sla\" tests=\"2\" failures=\"1\"",
                        "fanout.vertx.p99 &lt; 1ms :: FanOut vertx");
    }

    @Test
    void aPassedRunAgainstOurStubSaysTheStubAgreed() throws Exception {
        Path run = run("stub", false);
        String console = console(run);
        assertThat(console).contains("Self-checks: passed (every request accounted for, the stub agrees).");
        assertThat(verdictBanner(run))
                .contains("the stub agrees with the client")
                .doesNotContain("not checked");
    }

    @Test
    void aPassedRunAgainstAnotherServerSaysWhatItSawWasNotChecked() throws Exception {
        Path run = FixtureRun.in(runs, "other")
                .trial("FanOutBenchmark", "vertx", 200, samples(205, 0.005), 201, 203, 205)
                .notOurStub()
                .write();
        String console = console(run);
        assertThat(console)
                .contains("Self-checks: passed (every request accounted for; the target is not a fanout-bench stub,"
                        + " so what it saw was not checked).")
                .doesNotContain("the stub agrees");
        assertThat(verdictBanner(run))
                .contains("the target is not a fanout-bench stub, so what it saw was not checked")
                .doesNotContain("the stub agrees");
    }

    @Test
    void aFailedRunAgainstAnotherServerAlsoSaysWhatWasNotChecked() throws Exception {
        Path run = FixtureRun.in(runs, "other-failing")
                .trial("FanOutBenchmark", "vertx", 200, samples(205, 0.005), 201, 203, 205)
                .notOurStub()
                .failing("FanOut vertx", "2 requests were started and never finished")
                .write();
        assertThat(console(run, "--allow-failures"))
                .contains("1 FAILED", "Also: the target is not a fanout-bench stub, so what it saw was not checked.");
        assertThat(verdictBanner(run))
                .contains("Failed.", "Also: the target is not a fanout-bench stub, so what it saw was not checked.");
    }

    @Test
    void theConsolesGlanceNamesTheSizesThatRan() throws Exception {
        // the quick preset's burst: 1,000 in flight, not the default 10,000
        Path run = FixtureRun.in(runs, "quick")
                .trial(
                        "HighConcurrencyBenchmark",
                        "vertx",
                        Map.of("inFlight", "1000", "delayMs", "1000", "poolSize", "2000"),
                        true,
                        1000,
                        samples(1100, 0.01),
                        0,
                        1000,
                        1050)
                .write();
        assertThat(console(run)).contains("1,000 in flight x 1 s").doesNotContain("10,000");
    }

    /** What the report step prints, the console's last word on the run. */
    private static String console(Path run, String... options) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new ArrayList<>(List.of(run.toString()));
            args.addAll(List.of(options));
            assertThat(ReportMain.run(args.toArray(String[]::new))).isEqualTo(Cli.OK);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String verdictBanner(Path run) throws Exception {
        Matcher banner = Pattern.compile("<div class=\"banner[^\"]*\" id=\"verdict\">(.*?)</div>", Pattern.DOTALL)
                .matcher(Files.readString(run.resolve("index.html")));
        assertThat(banner.find()).as("a verdict banner").isTrue();
        return banner.group(1);
    }
}

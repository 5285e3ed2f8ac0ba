package dev.fanoutbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.reports.capacity.AdviseMain;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench.jar advise}: the report's advice on demand, and one line for what it cannot advise on. */
class AdviseTest {

    @TempDir
    Path runs;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    Path workloadRun() throws Exception {
        RunSummary.LoadWindow[] steps = new RunSummary.LoadWindow[6];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = new RunSummary.LoadWindow("steps " + (100 * (i + 1)) + "/s", 100 * (i + 1), 4, 0);
        }
        return FixtureRun.in(runs, "20260101-000000-aaaaaaa")
                .trial(
                        "Workload",
                        "vertx",
                        Map.of(),
                        false,
                        1000,
                        new double[] {100, 200, 300, 400, 500, 600},
                        0,
                        90,
                        100,
                        110)
                .load("steps", new RunSummary.Slo(300, 0.01), steps)
                .write();
    }

    String stderrLines() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunOfBenchmarksOnlyHasNothingToAdviseFrom() throws Exception {
        Path run = FixtureRun.in(runs, "20260101-000000-bbbbbbb")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 205}, 201, 203, 205)
                .write();

        assertThat(AdviseMain.run(run.toString(), "--rate", "100")).isEqualTo(Cli.BAD_INPUT);
        assertThat(stderrLines().lines())
                .singleElement()
                .asString()
                .contains("has no workload windows")
                .doesNotContain("Exception");
    }

    @Test
    void aRateOfZeroOrFewerThanOneCoreIsOneLineAndExit2() throws Exception {
        Path run = workloadRun();

        assertThat(AdviseMain.run(run.toString(), "--rate", "0")).isEqualTo(Cli.BAD_INPUT);
        assertThat(AdviseMain.run(run.toString(), "--rate", "100", "--cores", "0"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderrLines().lines())
                .containsExactly(
                        "advise: --rate must be above 0, got 0.0", "advise: --cores must be at least 1, got 0");
    }

    @Test
    void theReportOpensWithTheAdviceAdvisePrintsForTheSameRate() throws Exception {
        Path run = workloadRun();
        ReportModel.Advising advising = Advising.of(RunFolderReader.open(run));
        assertThat(advising).isNotNull();
        assertThat(advising.heading()).contains("What to run at 300 requests/s");

        assertThat(AdviseMain.run(run.toString(), "--rate", "300")).isEqualTo(Cli.OK);
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed.subList(1, printed.size())).containsExactlyElementsOf(advising.advice());
        assertThat(advising.advice()).anyMatch(line -> line.contains("vertx"));
    }

    @Test
    void aPredictionNamesEachClientsCeilingUnderTheChange() throws Exception {
        Path run = workloadRun();

        assertThat(AdviseMain.run(run.toString(), "--predict", "service=1s")).isEqualTo(Cli.OK);
        List<String> printed = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(printed.get(0)).startsWith("Each client's knee under service=1s");
        assertThat(printed).hasSize(2);
        assertThat(printed.get(1)).startsWith("  vertx: ").contains("by its cores");
    }

    @Test
    void aPredictionItCannotReadIsOneLineAndExit2() throws Exception {
        Path run = workloadRun();

        assertThat(AdviseMain.run(run.toString(), "--predict", "cores=0")).isEqualTo(Cli.BAD_INPUT);
        assertThat(AdviseMain.run(run.toString(), "--predict", "threads=5")).isEqualTo(Cli.BAD_INPUT);
        assertThat(AdviseMain.run(run.toString(), "--predict", "pool=5", "--rate", "10"))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(stderrLines().lines())
                .containsExactly(
                        "advise: --predict's cores must be a whole number of at least 1, got '0'",
                        "advise: --predict takes pool=N, cores=K, service=DURATION, stub=apart|shared; got"
                                + " 'threads=5'",
                        "advise: --predict and --rate ask different questions: give one");
    }
}

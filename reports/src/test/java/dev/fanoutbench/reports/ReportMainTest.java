package dev.fanoutbench.reports;

import static dev.fanoutbench.reports.FixtureRun.samples;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's verdict at the end of the main job: an exit code per kind of failure, and the same verdicts as JUnit XML. */
class ReportMainTest {

    @TempDir
    Path runs;

    Path run(String id, boolean failing) throws Exception {
        FixtureRun fixture = FixtureRun.in(runs, id).trial("FanOutBenchmark", "vertx", 200, samples(205, 0.005), 201, 203, 205);
        return (failing ? fixture.failing("FanOut vertx", "2 requests were started and never finished") : fixture).write();
    }

    @Test
    void aHealthyRunPassesAndSaysSoInJUnitXml() throws Exception {
        Path run = run("ok", false);
        assertThat(ReportMain.run(run.toString())).isEqualTo(Cli.OK);
        assertThat(run.resolve("verdicts.xml")).content()
                .contains("<testsuite name=\"self-checks\" tests=\"2\" failures=\"0\"", "name=\"FanOut vertx\"");
    }

    @Test
    void aFailedSelfCheckExits1UnlessFailuresAreAllowed() throws Exception {
        Path run = run("failing", true);
        assertThat(ReportMain.run(run.toString())).isEqualTo(Cli.FAILED);
        assertThat(run.resolve("verdicts.xml")).content()
                .contains("failures=\"1\"", "<failure message=\"NOTHING_LOST: 2 requests were started and never finished\"");
        assertThat(ReportMain.run(run.toString(), "--allow-failures")).isEqualTo(Cli.OK);
    }

    @Test
    void anSlaBreachHasItsOwnExitCodeAndItsOwnTestCase() throws Exception {
        Path run = run("breach", false);
        assertThat(ReportMain.run(run.toString(), "--sla", "fanout.vertx.p99 < 1ms; fanout.*.p50 < 10s")).isEqualTo(Cli.SLA_BREACHED);
        assertThat(run.resolve("verdicts.xml")).content()
                .contains("<testsuite name=\"sla\" tests=\"2\" failures=\"1\"", "fanout.vertx.p99 &lt; 1ms :: FanOut vertx");
    }
}

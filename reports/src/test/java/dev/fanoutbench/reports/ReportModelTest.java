package dev.fanoutbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportModelTest {

    @TempDir
    Path runs;

    @Test
    void eachBenchmarkBecomesASectionThatSaysWhatTheNumbersShow() throws Exception {
        // two models fanning out three 200 ms calls, one of them 10% slower
        Path run = FixtureRun.in(runs, "20260101-000000-aaaaaaa")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 205}, 201, 203, 205)
                .trial("FanOutBenchmark", "sequential", 600, new double[] {610, 610}, 201, 202, 204)
                .write();

        ReportModel model = ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        assertThat(model.sections()).singleElement().satisfies(section -> {
            assertThat(section.title()).contains("lesson 1");
            assertThat(section.findings()).containsExactly(
                    "vertx finished 3 requests in 205.0 ms, 1.03x the ideal of 200.0 ms.",
                    "sequential finished 3 requests in 610.0 ms, 1.02x the ideal of 600.0 ms.");
            // HdrHistogram (3 significant digits) reports a bucket's highest equivalent value: 205 ms reads 205.1, 204 ms 204.1
            assertThat(section.rows()).extracting(ReportModel.Row::p99).containsExactly("205.1 ms", "204.1 ms");
            assertThat(section.rows()).extracting(ReportModel.Row::outcomes).containsOnly("6 success");
            assertThat(section.rows()).extracting(ReportModel.Row::serverPeak).containsOnly("3");
            assertThat(section.bars()).extracting(ReportModel.Bar::widthPercent).containsExactly(205 / 610.0 * 100, 100.0);
        });
        assertThat(model.chartJson()).contains("\"spectrum\"", "\"overTime\"", "\"vertx\"", "\"sequential\"",
                "\"throughput\"", "\"clientInFlight\"", "\"serverInFlight\"");
        assertThat(model.files()).extracting(ReportModel.RawFile::href).contains("summary.json", "jmh.json");
    }
}

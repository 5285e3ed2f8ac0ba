package dev.fanoutbench.reports;

import static dev.fanoutbench.reports.FixtureRun.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fanoutbench.results.RunSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

        ReportModel model =
                ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        assertThat(model.sections()).singleElement().satisfies(section -> {
            assertThat(section.title()).contains("lesson 1");
            assertThat(section.findings())
                    .containsExactly(
                            "vertx finished 3 requests in 205.0 ms, 1.03x the ideal of 200.0 ms.",
                            "sequential finished 3 requests in 610.0 ms, 1.02x the ideal of 600.0 ms.");
            // HdrHistogram (3 significant digits) reports a bucket's highest equivalent value: 205 ms reads 205.1, 204
            // ms 204.1
            assertThat(section.rows()).extracting(ReportModel.Row::p99).containsExactly("205.1 ms", "204.1 ms");
            assertThat(section.rows()).extracting(ReportModel.Row::outcomes).containsOnly("6 success");
            assertThat(section.rows()).extracting(ReportModel.Row::serverPeak).containsOnly("3");
            assertThat(section.bars())
                    .extracting(ReportModel.Bar::widthPercent)
                    .containsExactly(205 / 610.0 * 100, 100.0);
        });
        assertThat(model.chartJson())
                .contains(
                        "\"spectrum\"",
                        "\"overTime\"",
                        "\"vertx\"",
                        "\"sequential\"",
                        "\"throughput\"",
                        "\"clientInFlight\"",
                        "\"serverInFlight\"");
        assertThat(model.files()).extracting(ReportModel.RawFile::href).contains("summary.json", "jmh.json");
    }

    @Test
    void everyLabelAndTitleSaysWhatThisRunRanNotTheBenchmarksDefaults() throws Exception {
        // the quick preset's sizes, and fan-out run at two delays (-p delayMs=100,2000)
        Path run = FixtureRun.in(runs, "20260101-000000-bbbbbbb")
                .trial(
                        "FanOutBenchmark",
                        "vertx",
                        Map.of("calls", "3", "delayMs", "100"),
                        true,
                        100,
                        samples(103, 0.01),
                        0,
                        101,
                        102)
                .trial(
                        "FanOutBenchmark",
                        "vertx",
                        Map.of("calls", "3", "delayMs", "2000"),
                        true,
                        2000,
                        samples(2010, 0.01),
                        0,
                        2001,
                        2002)
                .trial(
                        "BoundedBatchBenchmark",
                        "vertx",
                        Map.of("batchSize", "200", "limit", "10", "delayMs", "10"),
                        true,
                        200,
                        samples(210, 0.01),
                        0,
                        10,
                        11)
                .trial(
                        "CpuWorkBenchmark",
                        "vertx",
                        Map.of("placement", "IN_PLACE", "requests", "4", "delayMs", "10", "cpuMs", "2"),
                        true,
                        18,
                        samples(20, 0.01),
                        0,
                        12,
                        18)
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
                .trial(
                        "OpenModelBenchmark",
                        "vertx",
                        Map.of("ratePerSecond", "500", "durationSeconds", "2"),
                        false,
                        2100,
                        samples(2150, 0.01),
                        0,
                        90,
                        110)
                .write();

        ReportModel model =
                ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        assertThat(model.glance().rows())
                .extracting(Glance.Row::benchmark)
                .containsExactly(
                        "fan-out, 3 x 100 ms",
                        "fan-out, 3 x 2 s",
                        "bounded, 200 x 10 ms, 10 at once",
                        "CPU work, 4 x (10 ms + 2 ms CPU), in place",
                        "1,000 in flight x 1 s",
                        "open model, 500 req/s for 2 s: p99");
        assertThat(model.sections())
                .extracting(ReportModel.Section::title)
                .containsExactly(
                        "Fan-out: 3 slow calls of 100 ms (lesson 1)", "Fan-out: 3 slow calls of 2 s (lesson 1)",
                        "Bounded concurrency: 200 calls of 10 ms, at most 10 in flight (lesson 5)",
                                "CPU-bound work (lesson 11)",
                        "1,000 in flight: what each waiting request costs (lesson 12)",
                                "Open model: a constant arrival rate, 500 req/s for 2 s");
        assertThat(model.glance().rows())
                .as("each row leads to its own section")
                .extracting(Glance.Row::sectionId)
                .doesNotHaveDuplicates()
                .containsExactlyElementsOf(
                        model.sections().stream().map(ReportModel.Section::id).toList());
        List<String> described = new ArrayList<>(
                model.sections().stream().map(ReportModel.Section::title).toList());
        model.glance().rows().forEach(r -> described.add(r.benchmark()));
        assertThat(described)
                .as("the defaults, which did not run")
                .noneMatch(text -> text.contains("10,000")
                        || text.contains("1,000 x")
                        || text.contains("200 ms")
                        || text.contains("5 s")
                        || text.contains("three"));
    }

    @Test
    void aLabelWhoseParametersAreMissingIsGenericNeverADefault() throws Exception {
        // trials that carry none of the sizes their names are written from (a benchmark run with -p of other
        // parameters)
        Path run = FixtureRun.in(runs, "20260101-000000-ccccccc")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 205}, 201, 203, 205)
                .trial(
                        "HighConcurrencyBenchmark",
                        "vertx",
                        Map.of("delayMs", "1000"),
                        true,
                        1000,
                        samples(1100, 0.01),
                        0,
                        1000,
                        1050)
                .trial(
                        "HighConcurrencyBenchmark",
                        "thread-pool",
                        Map.of("delayMs", "1000"),
                        true,
                        5000,
                        samples(5500, 0.01),
                        0,
                        1000,
                        5050)
                .write();

        ReportModel model =
                ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        assertThat(model.glance().rows())
                .extracting(Glance.Row::benchmark)
                .containsExactly("fan-out", "many in flight");
        assertThat(model.sections())
                .extracting(ReportModel.Section::title)
                .containsExactly(
                        "Fan-out: slow calls, in turn or together (lesson 1)",
                        "Many in flight: what each waiting request costs (lesson 12)");
    }

    @Test
    void aModelStoppedPastItsKneeShowsTheWindowsItDidNotRunAsSuch() throws Exception {
        RunSummary.LoadWindow[] steps = {
            new RunSummary.LoadWindow("steps 2/s", 2, 1, 0),
            new RunSummary.LoadWindow("steps 3/s", 3, 1, 0),
            new RunSummary.LoadWindow("steps 4/s", 4, 1, 0),
            new RunSummary.LoadWindow("steps 5/s", 5, 1, 0)
        };
        // three windows ran (the last two far over the SLO's 300 ms), the fourth was not
        Path run = FixtureRun.in(runs, "20260101-000000-ccccccc")
                .trial("Workload", "vertx", Map.of(), false, 1000, new double[] {100, 100, 100}, 0, 90, 100, 900, 2500)
                .load(
                        "knee",
                        new RunSummary.Slo(300, 0.01),
                        "stopped after steps 4/s: 2 open windows in a row breached the SLO",
                        steps)
                .write();

        ReportModel model =
                ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        ReportModel.Section section = model.sections().get(0);
        assertThat(section.windows())
                .extracting(row -> row.get(0))
                .containsExactly("window", "steps 2/s", "steps 3/s", "steps 4/s", "steps 5/s");
        assertThat(section.windows().get(4)).containsExactly("steps 5/s", "not run: it had broken");
        assertThat(section.findings())
                .singleElement()
                .asString()
                .contains("Its 1 later window(s) were not run: stopped after steps 4/s: 2 open windows in a row "
                        + "breached the SLO");
    }

    @Test
    void theEnvironmentIsShownAsTheRunRecordedIt() throws Exception {
        Path run = FixtureRun.in(runs, "20260101-000000-ddddddd")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 205}, 201, 203, 205)
                .write();

        ReportModel model =
                ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        assertThat(model.subtitle())
                .isEqualTo("preset fixture, JDK 25, 2 cores, Linux 6.1.0, harness 2.0 us/request, commit ed22260");
        // each key under its name in environment.json, the free-form settings too; the schema version is no setting
        assertThat(model.environment())
                .extracting(ReportModel.Setting::name)
                .contains(
                        "jdk.version",
                        "machine.cores",
                        "machine.cpuModel",
                        "git.dirty",
                        "settings.preset.name",
                        "mockServer.settings.acceptQueueSize")
                .doesNotContain("schemaVersion");
        assertThat(model.environment())
                .contains(
                        new ReportModel.Setting("machine.cores", "2"),
                        new ReportModel.Setting("mockServer.settings.acceptQueueSize", "4096"));
    }

    @Test
    void theEnvironmentShowsWhatEachClientRanOnAndNamesATrialMeasuredCold() throws Exception {
        Path run = FixtureRun.in(runs, "20260101-000000-ccccccc")
                .trial("FanOutBenchmark", "virtual-threads", 200, new double[] {205, 205}, 201, 203, 205)
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 205}, 201, 203, 205)
                .resources(new RunSummary.Resources(2, 20_000, 4, 1))
                .write();

        ReportModel model =
                ReportModel.of("t", List.of(new ReportModel.LabelledRun("", RunFolderReader.open(run), "")), List.of());

        assertThat(model.environment())
                .extracting(ReportModel.Setting::name, ReportModel.Setting::value)
                .contains(
                        tuple(
                                "resources: virtual-threads",
                                "2 CPU workers, up to 20,000 connections, 1 of 1 lanes warmed"),
                        tuple("resources: vertx", "2 CPU workers, up to 20,000 connections, 1 of 4 lanes warmed"));
        assertThat(model.environment())
                .filteredOn(s -> s.name().equals("measured with lanes never warmed"))
                .singleElement()
                .extracting(ReportModel.Setting::value)
                .asString()
                .contains("vertx");
    }
}

package dev.fanoutbench.reports;

import static dev.fanoutbench.reports.FixtureRun.samples;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report of a run shaped like the default preset's (every benchmark, every
 * model) in headless Chromium at 1,280 px, offline from file://, and reads back what the page's
 * own script recorded: charts drawn and their points, legends, tables that overflow, errors.
 * CI installs Chromium (.ci/run); elsewhere the test is skipped when there is none.
 */
class ReportInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final long ONE_MEGABYTE = 1024 * 1024;

    @TempDir
    static Path runs;

    static Path run;
    static String dom;
    static String body;

    @BeforeAll
    static void renderADefaultShapedRun() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (CI installs it)");
        }
        FixtureRun fixture = FixtureRun.in(runs, "20260101-000000-aaaaaaa");
        // the default preset's parameters, so the labels are as long as a real run's
        for (String model : List.of("sequential", "thread-pool", "virtual-threads", "vertx")) {
            double seq = model.equals("sequential") ? 3 : 1;
            fixture.trial(
                    "FanOutBenchmark",
                    model,
                    Map.of("calls", "3", "delayMs", "200"),
                    true,
                    200 * seq,
                    samples(205 * seq, 0.005),
                    0,
                    201,
                    203,
                    205);
            fixture.trial(
                    "BoundedBatchBenchmark",
                    model,
                    Map.of("batchSize", "1000", "limit", "10", "delayMs", "10"),
                    true,
                    1000 * seq * 10 / (seq == 3 ? 3 : 10),
                    samples(1100, 0.02),
                    0,
                    10,
                    11,
                    30);
        }
        for (String model : List.of("thread-pool", "virtual-threads", "vertx")) {
            fixture.trial(
                    "HighConcurrencyBenchmark",
                    model,
                    Map.of("inFlight", "10000", "delayMs", "1000", "poolSize", "2000"),
                    true,
                    1000,
                    samples(3200, 0.1),
                    0,
                    900,
                    1000,
                    2500);
            fixture.trial(
                    "OpenModelBenchmark",
                    model,
                    Map.of("ratePerSecond", "500", "durationSeconds", "5"),
                    false,
                    5100,
                    samples(5180, 0.01),
                    0,
                    90,
                    100,
                    110,
                    250);
            for (String placement : List.of("IN_PLACE", "WORKER_POOL")) {
                fixture.trial(
                        "CpuWorkBenchmark",
                        model,
                        Map.of("placement", placement, "requests", "10", "delayMs", "100", "cpuMs", "20"),
                        true,
                        200,
                        samples(220, 0.03),
                        0,
                        120,
                        200);
            }
        }
        for (String model : List.of("thread-pool", "virtual-threads", "vertx")) {
            // four requests a window, so 2, 3 and 4/s are carried; the last window is slow enough to miss the SLO
            fixture.trial("Workload", model, Map.of(), false, 1000, new double[] {100, 100, 1000}, 0, 90, 100, 110, 250)
                    .load(
                            "knee",
                            new RunSummary.Slo(300, 0.01),
                            new RunSummary.LoadWindow("steps 2/s", 2, 1, 0),
                            new RunSummary.LoadWindow("steps 3/s", 3, 1, 0),
                            new RunSummary.LoadWindow("steps 4/s", 4, 1, 0));
        }
        fixture.trial(
                "BlockingLoopBenchmark",
                "vertx-blocking-on-loop",
                Map.of("mode", "BLOCKING_ON_LOOP", "requests", "10", "delayMs", "200"),
                true,
                2000,
                samples(2070, 0.01),
                0,
                200,
                1200,
                2000);
        fixture.trial(
                "BlockingLoopBenchmark",
                "vertx-blocking-on-worker",
                Map.of("mode", "BLOCKING_ON_WORKER", "requests", "10", "delayMs", "200"),
                true,
                200,
                samples(228, 0.05),
                0,
                200,
                210);
        run = fixture.write();
        assertThat(ReportMain.run(run.toString())).isZero();
        dom = dumpDom(run.resolve("index.html"));
        Matcher tag = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertThat(tag.find()).as("a <body> in the rendered page").isTrue();
        body = tag.group(1);
    }

    @Test
    void everyChartDrawsItsPointsWithoutAnErrorAndEveryLegendShowsAValue() {
        assertThat(attribute("data-errors")).isEmpty();
        assertThat(attribute("data-charts-drawn"))
                .isEqualTo(attribute("data-charts-expected"))
                .isEqualTo("29");
        assertThat(attribute("data-empty-charts")).isEqualTo("0");
        assertThat(Integer.parseInt(attribute("data-points"))).isGreaterThan(500);
        assertThat(attribute("data-legend-dashes"))
                .as("legends that show only '--'")
                .isEqualTo("0");
    }

    @Test
    void theAtAGlanceTableShowsEveryTrialsOwnNumberInItsRowAndColumn() throws Exception {
        RunSummary summary = Summaries.read(run.resolve("summary.json"));
        BenchmarkCases cases = BenchmarkCases.of(List.of(summary));
        for (RunSummary.Trial trial : summary.trials()) {
            String row = Glance.rowLabel(trial, cases);
            Matcher tr = Pattern.compile("<tr data-benchmark=\"" + Pattern.quote(row) + "\">(.*?)</tr>", Pattern.DOTALL)
                    .matcher(dom);
            assertThat(tr.find()).as("a row for %s", row).isTrue();
            Matcher cell = Pattern.compile("data-model=\"" + Pattern.quote(Glance.baseModel(trial))
                            + "\"><div class=\"v\">([^<]*)</div>")
                    .matcher(tr.group(1));
            assertThat(cell.find()).as("%s in %s", trial.model(), row).isTrue();
            String expected = trial.load() != null
                    ? "knee 3/s"
                    : trial.scoreIsBatchTime()
                            ? Format.duration(trial.score().value())
                            : "p99 " + Format.micros(trial.response().p99());
            assertThat(cell.group(1)).as(trial.key()).isEqualTo(expected);
        }
        assertThat(dom)
                .contains(
                        "data-benchmark=\"fan-out, 3 x 200 ms\"",
                        "data-benchmark=\"10,000 in flight x 1 s\"",
                        "data-benchmark=\"CPU work, 10 x (100 ms + 20 ms CPU), on a worker pool\"");
        assertThat(dom.indexOf("id=\"glance\""))
                .as("the answer comes before the first lesson")
                .isLessThan(dom.indexOf("id=\"fanout\""));
        assertThat(dom.indexOf("id=\"fanout\""))
                .as("sections in the lessons' order")
                .isLessThan(dom.indexOf("id=\"boundedbatch\""));
        assertThat(dom.indexOf("id=\"boundedbatch\"")).isLessThan(dom.indexOf("id=\"openmodel\""));
    }

    @Test
    void noTableOverflowsItsBoxAtTheWidthOfALaptop() {
        assertThat(attribute("data-overflowing"))
                .as(attribute("data-overflowing-tables"))
                .isEqualTo("0");
    }

    @Test
    void theReportIsOneSmallSelfContainedFile() throws Exception {
        String html = Files.readString(run.resolve("index.html"));
        assertThat(Files.size(run.resolve("index.html"))).isLessThan(ONE_MEGABYTE);
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    private static String dumpDom(Path html) throws Exception {
        Path profile = Files.createTempDirectory(runs, "chromium-profile");
        Process chromium = new ProcessBuilder(List.of(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile,
                        "--dump-dom",
                        html.toUri().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return dom;
    }

    private static String attribute(String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(body);
        return m.find() ? m.group(1) : null;
    }
}

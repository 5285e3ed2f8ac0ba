package dev.fanoutbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in headless Chromium, offline from file://, and reads back what the
 * page's own script recorded: how many charts it drew, and any error or console.error.
 * CI installs Chromium (.ci/run); elsewhere the test is skipped when there is none.
 */
class ReportInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path runs;

    @Test
    void everyChartDrawsAndThePageReportsNoErrors() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (CI installs it)");
        }
        Path run = FixtureRun.in(runs, "20260101-000000-aaaaaaa")
                .trial("FanOutBenchmark", "vertx", 200, FixtureRun.samples(205, 0.005), 201, 203, 205)
                .trial("FanOutBenchmark", "sequential", 600, FixtureRun.samples(610, 0.005), 201, 202, 204)
                .trial("BoundedBatchBenchmark", "virtual-threads", 1000, FixtureRun.samples(1100, 0.02), 10, 11, 30)
                .write();
        assertThat(ReportMain.run(run.toString())).isZero();

        String dom = dumpDom(run.resolve("index.html"));

        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        assertThat(body.find()).as("a <body> in the rendered page").isTrue();
        String attributes = body.group(1);
        assertThat(attribute(attributes, "data-errors")).isEmpty();
        assertThat(attribute(attributes, "data-charts-drawn")).isEqualTo("8").isEqualTo(attribute(attributes, "data-charts-expected"));
        assertThat(dom).contains("uplot", "Fan-out", "Bounded concurrency");
    }

    private String dumpDom(Path html) throws Exception {
        Path profile = Files.createTempDirectory(runs, "chromium-profile");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return dom;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }
}

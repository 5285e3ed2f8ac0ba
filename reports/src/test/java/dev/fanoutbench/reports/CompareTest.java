package dev.fanoutbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare.sh's three answers: 0 no significant regression, 1 a regression, 2 bad input. */
class CompareTest {

    @TempDir
    Path runs;

    record Result(int exit, String out, String err) {}

    Result compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CompareMain.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path run(String id, double vertxScore, Double error) throws Exception {
        return FixtureRun.in(runs, id)
                .trial("FanOutBenchmark", "vertx", vertxScore, error, 200, 201, 203, 205)
                .trial("FanOutBenchmark", "virtual-threads", 206, 2.0, 200, 202, 204, 206)
                .write();
    }

    @Test
    void theSameNumbersAreNoRegression() throws Exception {
        run("20260101-000000-a", 205, 2.0);
        run("20260102-000000-b", 206, 2.0);

        Result result = compare("--runs-dir", runs.toString(), "--out", runs.resolve("out").toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("20260101-000000-a", "20260102-000000-b", "no significant regression");
        assertThat(runs.resolve("out/compare.md")).content().contains("| FanOut | vertx |");
        assertThat(runs.resolve("out/compare.html")).content().contains("<html", "A vertx", "B vertx", "Changes, B against A");
    }

    @Test
    void thirtyPercentSlowerWithTightErrorsIsARegression() throws Exception {
        Path a = run("20260101-000000-a", 205, 2.0);
        Path b = run("20260102-000000-b", 270, 2.0);

        Result result = compare(a.toString(), b.toString(), "--threshold", "10%", "--out", runs.resolve("out").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("SLOWER", "+31.7%");
        assertThat(runs.resolve("out/compare.md")).content().contains("**Significant regression**");
    }

    @Test
    void thirtyPercentSlowerInsideWideErrorBarsIsNoise() throws Exception {
        Path a = run("20260101-000000-a", 205, 80.0);
        Path b = run("20260102-000000-b", 270, 80.0);

        Result result = compare(a.toString(), b.toString(), "--out", runs.resolve("out").toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("within noise");
    }

    @Test
    void anSlaBreachInTheNewRunFailsTheComparison() throws Exception {
        Path a = run("20260101-000000-a", 205, 2.0);
        Path b = run("20260102-000000-b", 205, 2.0);

        Result result = compare(a.toString(), b.toString(), "--sla", "fanout.vertx.p99 < 100ms", "--out", runs.resolve("out").toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("SLA breached (B): fanout.vertx.p99 < 100ms");
    }

    @Test
    void aMissingRunIsBadInput() {
        Result result = compare(runs.resolve("nope").toString(), runs.resolve("nada").toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("no run folder at").contains("nope");
    }

    @Test
    void aCorruptSummaryIsBadInput() throws Exception {
        Path a = run("20260101-000000-a", 205, 2.0);
        Path b = run("20260102-000000-b", 205, 2.0);
        Files.writeString(b.resolve("summary.json"), "{\"schemaVersion\": 1, \"runId\": ");

        Result result = compare(a.toString(), b.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("cannot read").contains("summary.json");
    }

    @Test
    void anotherSchemaVersionIsBadInput() throws Exception {
        Path a = run("20260101-000000-a", 205, 2.0);
        Path b = run("20260102-000000-b", 205, 2.0);
        Files.writeString(b.resolve("summary.json"), Files.readString(b.resolve("summary.json")).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));

        Result result = compare(a.toString(), b.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("schema version 99");
    }

    @Test
    void onlyOneRunIsBadInput() throws Exception {
        run("20260101-000000-a", 205, 2.0);
        Result result = compare("--runs-dir", runs.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("need two finished runs");
    }

    @Test
    void theModelsOfOneRunAreRankedAgainstTheBest() throws Exception {
        Path a = run("20260101-000000-a", 205, 2.0);
        Result result = compare("--models", a.toString(), "--out", runs.resolve("models").toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("vertx").contains("1.00x").contains("virtual-threads");
        assertThat(runs.resolve("models/compare.md")).content().contains("| vertx | 205.0 ms | 1.00x |");
    }

    @Test
    void aBadThresholdIsNamed() {
        Result result = compare("--threshold", "lots");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--threshold must be a percentage like 10%, got 'lots'");
    }
}

package dev.fanoutbench.reports;

import static dev.fanoutbench.reports.FixtureRun.samples;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.RunSummary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare.sh's verdicts on runs shaped like the default preset's (five samples per trial, the
 * spread measured on this project's machine), and its answers: 0 no significant regression, 3 a
 * regression (or a trial missing, or new failures), 1 B failing its own self-checks, 99 an SLA
 * breach, 2 bad input.
 */
class CompareTest {

    /** Fan-out's score varies by about half a percent run to run, the bounded batch's by about two. */
    static final double FAN_OUT_SPREAD = 0.005;

    static final double BOUNDED_SPREAD = 0.02;

    @TempDir
    Path runs;

    record Result(int exit, String out, String err) {}

    Result compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the defaults (reports/runs, reports/compare) under the temp dir: a call without --out whose
        // bad input is not caught would otherwise write into the module (reports/reports/compare)
        String[] all = Stream.concat(Stream.of("--project-dir=" + runs), Stream.of(args))
                .toArray(String[]::new);
        int exit = CompareMain.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                all);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Fan-out and a bounded batch on two models, each {@code slower} times the baseline. */
    Path run(String id, double slower) throws Exception {
        return FixtureRun.in(runs, id)
                .trial("FanOutBenchmark", "vertx", 200, samples(205 * slower, FAN_OUT_SPREAD), 201, 203, 205)
                .trial("FanOutBenchmark", "virtual-threads", 200, samples(206 * slower, FAN_OUT_SPREAD), 202, 204, 206)
                .trial("BoundedBatchBenchmark", "vertx", 1000, samples(1080 * slower, BOUNDED_SPREAD), 10, 11, 12, 15)
                .write();
    }

    String out() {
        return runs.resolve("out").toString();
    }

    @Test
    void twoRunsOfTheSameCodeAreTheSame() throws Exception {
        run("20260101-000000-a", 1.0);
        FixtureRun.in(runs, "20260102-000000-b")
                .trial("FanOutBenchmark", "vertx", 200, samples(205.6, FAN_OUT_SPREAD), 201, 203, 205)
                .trial("FanOutBenchmark", "virtual-threads", 200, samples(205.4, FAN_OUT_SPREAD), 202, 204, 206)
                .trial("BoundedBatchBenchmark", "vertx", 1000, samples(1101, BOUNDED_SPREAD), 10, 11, 12, 15)
                .write();

        Result result = compare("--runs-dir", runs.toString(), "--out", out());

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("20260101-000000-a", "20260102-000000-b", "no significant regression")
                .doesNotContain("SLOWER", "faster");
        assertThat(runs.resolve("out/compare.md")).content().contains("| FanOut vertx |");
        assertThat(runs.resolve("out/compare.html"))
                .content()
                .contains("<html", "A vertx", "B vertx", "Changes, B against A");
    }

    @Test
    void aTenPercentSlowerRunIsFlaggedSlowerOnEveryTrial() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = run("20260102-000000-b", 1.10);

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.exit()).isEqualTo(Cli.REGRESSED);
        assertThat(result.out().lines().filter(l -> l.contains("SLOWER (")).count())
                .isEqualTo(3);
        assertThat(result.out()).contains("+10.0%", "compare: FAILED");
        assertThat(runs.resolve("out/compare.md")).content().contains("**Failed**");
        assertThat(runs.resolve("out/compare.xml"))
                .content()
                .contains(
                        "<testsuite name=\"compare\" tests=\"3\" failures=\"3\"",
                        "<failure message=\"FanOut vertx is slower: score +10.0%");
    }

    @Test
    void aChangeInsideTheRunsOwnSpreadIsNoise() throws Exception {
        Path a = FixtureRun.in(runs, "a")
                .trial("FanOutBenchmark", "vertx", 200, samples(205, 0.15), 201, 203, 205)
                .write();
        Path b = FixtureRun.in(runs, "b")
                .trial("FanOutBenchmark", "vertx", 200, samples(225, 0.15), 201, 203, 205)
                .write();

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("within noise");
    }

    @Test
    void twoSamplesAreInsufficientNotTheSame() throws Exception {
        Path a = FixtureRun.in(runs, "a")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 206}, 201, 203, 205)
                .write();
        Path b = FixtureRun.in(runs, "b")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {305, 306}, 301, 303, 305)
                .write();

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.out()).contains("insufficient samples").doesNotContain("same");
        assertThat(result.exit()).isZero();
    }

    @Test
    void theOpenModelIsJudgedByItsLatencyNotByTheLengthOfItsSchedule() throws Exception {
        double[] schedule = samples(5000, 0.001);
        Path a = FixtureRun.in(runs, "a")
                .trial("OpenModelBenchmark", "vertx", false, 5100, schedule, 0, 90, 100, 110, 250)
                .write();
        Path b = FixtureRun.in(runs, "b")
                .trial("OpenModelBenchmark", "vertx", false, 5100, schedule, 0, 90, 100, 110, 400)
                .write();

        Result slowerTail = compare(a.toString(), b.toString(), "--out", out());

        assertThat(slowerTail.exit()).isEqualTo(Cli.REGRESSED);
        assertThat(slowerTail.out()).contains("SLOWER (p99)");
        assertThat(slowerTail
                        .out()
                        .lines()
                        .filter(l -> l.startsWith("OpenModel vertx"))
                        .findFirst()
                        .orElseThrow())
                .as("no score column: the schedule's length is not a latency")
                .matches("OpenModel vertx\\s+-\\s+-\\s+-\\s.*");
    }

    @Test
    void aWorkloadsKneesAreShownNotJudgedSinceItsWindowsAreNotRepeats() throws Exception {
        RunSummary.LoadWindow[] steps = {
            new RunSummary.LoadWindow("steps 2/s", 2, 1, 0),
            new RunSummary.LoadWindow("steps 3/s", 3, 1, 0),
            new RunSummary.LoadWindow("steps 4/s", 4, 1, 0)
        };
        RunSummary.Slo slo = new RunSummary.Slo(300, 0.01);
        Path a = FixtureRun.in(runs, "a")
                .trial("Workload", "vertx", Map.of(), false, 1000, new double[] {100, 100, 100}, 0, 90, 100, 110, 250)
                .load("knee", slo, steps)
                .write();
        Path b = FixtureRun.in(runs, "b")
                .trial("Workload", "vertx", Map.of(), false, 1000, new double[] {100, 100, 1000}, 0, 90, 100, 110, 250)
                .load("knee", slo, steps)
                .write();

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.exit())
                .as("a lower knee in one run is not yet a regression anyone measured")
                .isZero();
        assertThat(result.out()).contains("Workload vertx: knee 4/s -> 3/s").contains("not judged (one knee per run)");
    }

    @Test
    void newFailuresInBFailTheComparison() throws Exception {
        Path a = FixtureRun.in(runs, "a")
                .trial("FanOutBenchmark", "vertx", 200, samples(205, FAN_OUT_SPREAD), 201, 203, 205)
                .write();
        Path b = FixtureRun.in(runs, "b")
                .trial("FanOutBenchmark", "vertx", true, 200, samples(205, FAN_OUT_SPREAD), 1, 201, 203, 205)
                .write();

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.exit()).isEqualTo(Cli.REGRESSED);
        assertThat(result.out()).contains("SLOWER (failed)", "failed 0 -> 1 per iteration");
    }

    @Test
    void aTrialMissingInBFailsTheComparison() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = FixtureRun.in(runs, "b")
                .trial("FanOutBenchmark", "vertx", 200, samples(205, FAN_OUT_SPREAD), 201, 203, 205)
                .write();

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.exit()).isEqualTo(Cli.REGRESSED);
        assertThat(result.out()).contains("missing in B: FanOut virtual-threads", "missing in B: BoundedBatch vertx");
    }

    @Test
    void aRunThatFailedItsSelfChecksFailsTheComparison() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = FixtureRun.in(runs, "b")
                .trial("FanOutBenchmark", "vertx", 200, samples(205, FAN_OUT_SPREAD), 201, 203, 205)
                .failing("FanOut vertx", "3 requests were started and never finished")
                .write();

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.exit()).isEqualTo(Cli.FAILED);
        assertThat(result.out())
                .contains("B failed a self-check: FanOut vertx: 3 requests were started and never finished");
    }

    @Test
    void anSlaBreachInTheNewRunFailsTheComparison() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = run("20260102-000000-b", 1.0);

        Result result = compare(a.toString(), b.toString(), "--sla", "fanout.vertx.p99 < 100ms", "--out", out());

        assertThat(result.exit()).isEqualTo(Cli.SLA_BREACHED);
        assertThat(result.out()).contains("SLA breached (B): fanout.vertx.p99 < 100ms");
    }

    @Test
    void aMissingRunIsBadInput() {
        Result result =
                compare(runs.resolve("nope").toString(), runs.resolve("nada").toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .contains("no run folder at")
                .contains("nope");
    }

    @Test
    void aCorruptSummaryIsBadInput() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = run("20260102-000000-b", 1.0);
        Files.writeString(b.resolve("summary.json"), "{\"schemaVersion\": 2, \"runId\": ");

        Result result = compare(a.toString(), b.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .contains("cannot read")
                .contains("summary.json");
    }

    @Test
    void aCorruptOrMissingEnvironmentIsBadInputNamingTheFile() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = run("20260102-000000-b", 1.0);

        Files.writeString(b.resolve("environment.json"), "{\"schemaVersion\": 5, \"jdk\": ");
        Result corrupt = compare(a.toString(), b.toString());
        Files.delete(b.resolve("environment.json"));
        Result missing = compare(a.toString(), b.toString());

        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err().lines())
                .singleElement()
                .asString()
                .contains("cannot read")
                .contains("environment.json");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().lines())
                .singleElement()
                .asString()
                .contains("environment.json")
                .contains(b.getFileName().toString());
    }

    @Test
    void anotherSchemaVersionIsBadInput() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = run("20260102-000000-b", 1.0);
        Files.writeString(
                b.resolve("summary.json"),
                Files.readString(b.resolve("summary.json"))
                        .replace("\"schemaVersion\" : " + RunSummary.SCHEMA_VERSION, "\"schemaVersion\" : 99"));

        Result result = compare(a.toString(), b.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("schema version 99");
    }

    @Test
    void onlyOneRunIsBadInput() throws Exception {
        run("20260101-000000-a", 1.0);
        Result result = compare("--runs-dir", runs.toString());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("need two finished runs");
    }

    @Test
    void theModelsOfOneRunAreRankedAgainstTheBest() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Result result = compare(
                "--models", a.toString(), "--out", runs.resolve("models").toString());
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("vertx").contains("1.00x").contains("virtual-threads");
        assertThat(runs.resolve("models/compare.md")).content().contains("| vertx | 205.0 ms | 1.00x |");
    }

    @Test
    void aBenchmarkRunAtTwoDelaysIsComparedAndRankedDelayByDelayEachNamedForItsOwn() throws Exception {
        // -p delayMs=100,2000: each model at both delays, in both runs
        Path a = twoDelays("a");
        Path b = twoDelays("b");

        Result result = compare(a.toString(), b.toString(), "--out", out());

        assertThat(result.out()).contains("FanOut vertx delayMs=100 ", "FanOut vertx delayMs=2000 ");
        assertThat(runs.resolve("out/compare.md"))
                .content()
                .contains("| FanOut vertx delayMs=100 |", "| FanOut vertx delayMs=2000 |");
        assertThat(runs.resolve("out/compare.html"))
                .content()
                .contains("data-benchmark=\"fan-out, 3 x 100 ms\"", "data-benchmark=\"fan-out, 3 x 2 s\"")
                .doesNotContain("200 ms");

        compare("--models", a.toString(), "--out", runs.resolve("models").toString());
        assertThat(runs.resolve("models/compare.md"))
                .content()
                .contains("### FanOut delayMs=100", "### FanOut delayMs=2000")
                .satisfies(md -> assertThat(md.split("\\| 1\\.00x \\|", -1))
                        .as("a best model per delay")
                        .hasSize(3));
    }

    Path twoDelays(String id) throws Exception {
        FixtureRun run = FixtureRun.in(runs, id);
        for (int delay : new int[] {100, 2000}) {
            Map<String, String> params = Map.of("calls", "3", "delayMs", Integer.toString(delay));
            run.trial(
                            "FanOutBenchmark",
                            "vertx",
                            params,
                            true,
                            delay,
                            samples(delay * 1.02, FAN_OUT_SPREAD),
                            0,
                            delay + 1,
                            delay + 3)
                    .trial(
                            "FanOutBenchmark",
                            "virtual-threads",
                            params,
                            true,
                            delay,
                            samples(delay * 1.03, FAN_OUT_SPREAD),
                            0,
                            delay + 2);
        }
        return run.write();
    }

    @Test
    void aFolderThatIsNotARunIsNeverTakenForTheNewest() throws Exception {
        run("20260101-000000-a", 1.0);
        run("20260102-000000-b", 1.0);
        run("baseline", 1.10); // a copy kept by hand: sorts after the runs by name, but is not a run

        Result result = compare("--runs-dir", runs.toString(), "--out", out());

        assertThat(result.out()).contains("A = 20260101-000000-a", "B = 20260102-000000-b");
        assertThat(result.exit()).isZero();
    }

    @Test
    void runsStartedInTheSameSecondAreOrderedByTheirSuffix() throws Exception {
        run("20260101-000000-abc", 1.0);
        run("20260101-000000-abc-2", 1.0);
        run("20260101-000000-abc-10", 1.0);

        Result result = compare("--runs-dir", runs.toString(), "--out", out());

        assertThat(result.out()).contains("A = 20260101-000000-abc-2", "B = 20260101-000000-abc-10");
    }

    @Test
    void aThresholdThatIsNotANumberIsNamed() {
        Result result = compare("--threshold", "NaN");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .contains("--threshold must be a percentage like 10%, got 'NaN'");
    }

    @Test
    void anSlaRuleWithAMalformedNumberIsBadInputNamingTheRule() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Result result = compare("--models", a.toString(), "--sla", "fanout.vertx.p99 < 1.2.3ms", "--out", out());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .contains("SLA rule 'fanout.vertx.p99 < 1.2.3ms' does not parse");
    }

    @Test
    void anSlaRuleThatMatchesNoTrialIsATypoNotAPass() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Result result = compare("--models", a.toString(), "--sla", "fanout.vertex.p99 < 1ms", "--out", out());
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err().lines())
                .singleElement()
                .asString()
                .contains("SLA rule 'fanout.vertex.p99 < 1ms' matches no trial", "vertx");
    }

    @Test
    void aSummaryThatParsesButLacksWhatAReaderNeedsIsBadInput() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        Path b = run("20260102-000000-b", 1.0);
        ObjectMapper json = new ObjectMapper();
        ObjectNode emptyLatencies =
                (ObjectNode) json.readTree(b.resolve("summary.json").toFile());
        ((ObjectNode) emptyLatencies.get("trials").get(0)).putObject("latencyMicros");
        ObjectNode noTrials =
                (ObjectNode) json.readTree(b.resolve("summary.json").toFile());
        noTrials.putNull("trials");

        json.writeValue(b.resolve("summary.json").toFile(), emptyLatencies);
        Result first = compare(a.toString(), b.toString(), "--out", out());
        json.writeValue(b.resolve("summary.json").toFile(), noTrials);
        Result second = compare(a.toString(), b.toString(), "--out", out());

        assertThat(first.exit()).isEqualTo(2);
        assertThat(first.err().lines()).singleElement().asString().contains("incomplete", "latencyMicros.response");
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err().lines()).singleElement().asString().contains("incomplete", "trials");
    }

    @Test
    void aSummaryThatPointsOutsideItsRunFolderOrAtAScriptIsRefused() throws Exception {
        Path a = run("20260101-000000-a", 1.0);
        ObjectMapper json = new ObjectMapper();
        for (String crafted : new String[] {"../../../etc/passwd", "/etc/passwd", "javascript:alert(1)"}) {
            ObjectNode summary =
                    (ObjectNode) json.readTree(a.resolve("summary.json").toFile());
            ((ObjectNode) summary.get("trials").get(0).get("files")).put("fork-1/response.hlog", crafted);
            Path b = FixtureRun.in(runs, "crafted")
                    .trial("FanOutBenchmark", "vertx", 200, samples(205, 0.005), 201)
                    .write();
            json.writeValue(b.resolve("summary.json").toFile(), summary);

            Result report = new Result(ReportMain.run(b.toString()), "", "");
            Result compared = compare(a.toString(), b.toString(), "--out", out());

            assertThat(report.exit()).as(crafted).isEqualTo(2);
            assertThat(compared.exit()).as(crafted).isEqualTo(2);
            assertThat(compared.err().lines()).singleElement().asString().contains("outside its run folder", crafted);
            assertThat(b.resolve("index.html")).doesNotExist();
        }
    }

    @Test
    void aBadThresholdIsNamed() {
        Result result = compare("--threshold", "lots");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--threshold must be a percentage like 10%, got 'lots'");
    }

    @Test
    void aQuickRunIsNotComparedWithADefaultOne() throws Exception {
        Path quick = FixtureRun.in(runs, "20260101-000000-q")
                .preset("quick")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {230, 231, 232}, 201, 203, 205)
                .write();
        Path standard = FixtureRun.in(runs, "20260102-000000-d")
                .preset("default")
                .trial("FanOutBenchmark", "vertx", 200, new double[] {205, 206, 207}, 201, 203, 205)
                .write();

        Result result = compare(quick.toString(), standard.toString(), "--out", out());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("ran the quick preset and").contains("compare runs of one preset");
    }
}

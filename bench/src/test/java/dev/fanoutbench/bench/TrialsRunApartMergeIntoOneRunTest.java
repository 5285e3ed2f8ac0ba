package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload's trials run apart (one per pod of an Indexed Job: {@code run --trial-index I}) and merged make the run
 * a single run of them all would: every trial as its part recorded it, the counts the parts' own, and a part that
 * never came is a failed self-check, not a smaller run.
 */
class TrialsRunApartMergeIntoOneRunTest {

    @TempDir
    static Path project;

    static MockServer server;
    static Path first;
    static Path second;

    @BeforeAll
    static void runEachTrialApart() throws Exception {
        server = MockServer.start(MockServerSettings.defaults());
        Path workload = Files.writeString(project.resolve("two.yaml"), """
                name: two
                request:
                  path: /api/items/{id}?delayMs=5
                load:
                  - closed: {concurrency: 2, duration: 2s}
                models: [thread-pool, vertx]
                """);
        for (int index = 0; index < 2; index++) {
            int exit = BenchMain.run(
                    "--project-dir=" + project,
                    "--workload=" + workload,
                    "--target=" + server.baseUri(),
                    "--trial-index=" + index,
                    "--runs-dir=" + project.resolve("part-" + index));
            assertThat(exit).as("part %d", index).isZero();
        }
        first = project.resolve("part-0/latest").toRealPath();
        second = project.resolve("part-1/latest").toRealPath();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static RunSummary summary(Path run) throws Exception {
        return Summaries.read(run.resolve("summary.json"));
    }

    @Test
    void theMergedRunHasEveryTrialWithItsPartsOwnCounts() throws Exception {
        Path out = project.resolve("merged");
        assertThat(MergeMain.run("--out=" + out, "--expect=2", first.toString(), second.toString()))
                .isZero();

        RunSummary merged = summary(out.resolve("latest"));
        RunSummary a = summary(first);
        RunSummary b = summary(second);
        assertThat(a.trials()).extracting(RunSummary.Trial::model).containsExactly("thread-pool");
        assertThat(b.trials()).extracting(RunSummary.Trial::model).containsExactly("vertx");
        assertThat(merged.trials())
                .extracting(RunSummary.Trial::model)
                .containsExactlyInAnyOrder("thread-pool", "vertx");
        assertThat(merged.trials().stream().mapToLong(RunSummary.Trial::sent).sum())
                .isEqualTo(a.trials().get(0).sent() + b.trials().get(0).sent());
        for (RunSummary.Trial trial : merged.trials()) {
            RunSummary.Trial own =
                    (trial.model().equals("vertx") ? b : a).trials().get(0);
            assertThat(trial.sent()).isEqualTo(own.sent());
            assertThat(trial.outcomes()).isEqualTo(own.outcomes());
            assertThat(trial.latencyMicros()).isEqualTo(own.latencyMicros());
            assertThat(trial.iterations()).isEqualTo(own.iterations());
        }
        assertThat(merged.failures()).isEmpty();
        assertThat(out.resolve("latest/index.html")).exists();
        assertThat(Files.readString(out.resolve("latest/environment.json"))).contains("\"nodes\"", "thread-pool");
    }

    @Test
    void aPartThatNeverCameFailsTheMergedRunsSelfChecks() throws Exception {
        Path out = project.resolve("one-missing");
        assertThat(MergeMain.run("--out=" + out, "--expect=2", first.toString()))
                .isEqualTo(1);

        assertThat(summary(out.resolve("latest")).failures())
                .singleElement()
                .satisfies(f -> assertThat(f.text()).contains("2 trial(s) expected, 1 recorded"));
    }

    @Test
    void theSameTrialTwiceOrAFolderThatIsNoRunIsOneLineAndExit2() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int twice;
        int notARun;
        try {
            twice = MergeMain.run("--out=" + project.resolve("twice"), first.toString(), first.toString());
            notARun = MergeMain.run("--out=" + project.resolve("none"), project.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(twice).isEqualTo(2);
        assertThat(notARun).isEqualTo(2);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("one trial run twice");
        assertThat(lines.get(1)).contains("is not a run folder");
    }
}

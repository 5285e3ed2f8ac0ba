package dev.fanoutbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/compare.sh as a user runs it: from wherever they stand, with paths relative to there. */
class CompareScriptIT {

    static final Path SCRIPT =
            Path.of("..", "scripts", "compare.sh").toAbsolutePath().normalize();

    @TempDir
    Path workspace;

    @Test
    void relativePathsResolveFromWhereTheUserStands() throws Exception {
        Path runs = workspace.resolve("my-runs");
        FixtureRun.in(runs, "a")
                .trial("FanOutBenchmark", "vertx", 200, FixtureRun.samples(205, 0.005), 201, 203, 205)
                .write();
        FixtureRun.in(runs, "b")
                .trial("FanOutBenchmark", "vertx", 200, FixtureRun.samples(205, 0.005), 201, 203, 205)
                .write();

        Process compare = new ProcessBuilder("bash", SCRIPT.toString(), "my-runs/a", "my-runs/b", "--out", "out")
                .directory(workspace.toFile())
                .redirectErrorStream(true)
                .start();
        String said = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(compare.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(compare.exitValue()).as(said).isZero();
        assertThat(said).contains("A = a", "B = b", "no significant regression");
        assertThat(workspace.resolve("out/compare.md")).exists();
    }

    @Test
    void aRunThatDoesNotExistIsOneLineAndExitCode2() throws Exception {
        Process compare = new ProcessBuilder("bash", SCRIPT.toString(), "nope", "nada")
                .directory(workspace.toFile())
                .redirectErrorStream(true)
                .start();
        String said = new String(compare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(compare.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(compare.exitValue()).isEqualTo(2);
        assertThat(said.lines()).singleElement().asString().contains("no run folder at nope");
    }
}

package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder appears whole or not at all; {@code latest} only ever points at a finished run. */
class RunFolderTest {

    @TempDir
    Path runs;

    @Test
    void anUnfinishedRunIsNeverMistakenForAFinishedOne() throws Exception {
        RunFolder first = RunFolder.create(runs, "abc1234");
        Files.writeString(first.working().resolve("summary.json"), "{}");
        assertThat(first.working().getFileName().toString()).startsWith(".incomplete-");
        assertThat(runs.resolve("latest")).doesNotExist();

        Path done = first.complete();

        assertThat(done).isEqualTo(runs.resolve(first.id())).isDirectory();
        assertThat(done.resolve("summary.json")).exists();
        assertThat(first.working()).doesNotExist();
        assertThat(runs.resolve("latest").toRealPath()).isEqualTo(done.toRealPath());

        RunFolder crashed = RunFolder.create(runs, "def5678"); // never completed: the JVM "died" here
        Files.writeString(crashed.working().resolve("jmh.json"), "[");

        assertThat(runs.resolve("latest").toRealPath()).isEqualTo(done.toRealPath());
        try (Stream<Path> entries = Files.list(runs)) {
            assertThat(entries.map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith(".") && !n.equals("latest")))
                    .containsExactly(first.id());
        }
    }

    @Test
    void runsStartedInTheSameSecondGetFoldersOfTheirOwn() throws Exception {
        RunFolder first = RunFolder.create(runs, "abc1234");
        RunFolder second = RunFolder.create(runs, "abc1234");
        RunFolder third = RunFolder.create(runs, "abc1234");

        assertThat(java.util.List.of(first.id(), second.id(), third.id())).doesNotHaveDuplicates();
        assertThat(second.working()).isDirectory().isNotEqualTo(first.working());
        // within one second, or across a second boundary: either way each has its own folder
        assertThat(first.complete()).isNotEqualTo(second.complete()).isNotEqualTo(third.complete());
    }
}

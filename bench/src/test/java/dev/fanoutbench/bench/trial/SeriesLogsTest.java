package dev.fanoutbench.bench.trial;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.bench.model.LatencyRecorder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log that cannot be written (a full disk) is an error at once, not a run folder that only looks complete. */
class SeriesLogsTest {

    @TempDir
    Path runDir;

    @Test
    void aFullDiskIsAnErrorNotASilentlyShortLog() throws Exception {
        Files.createDirectories(runDir.resolve("histograms"));
        // /dev/full accepts the open and fails every write with ENOSPC: a disk that is full
        Files.createSymbolicLink(runDir.resolve("histograms/trial.fork-1.response.hlog"), Path.of("/dev/full"));

        assertThatThrownBy(() -> {
                    SeriesLogs logs =
                            new SeriesLogs(runDir, "histograms/trial.fork-1", "a trial", System.currentTimeMillis());
                    logs.write(new LatencyRecorder().intervalSnapshot());
                    logs.close();
                })
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("trial.fork-1.response.hlog")
                .hasMessageContaining("disk full");
    }
}

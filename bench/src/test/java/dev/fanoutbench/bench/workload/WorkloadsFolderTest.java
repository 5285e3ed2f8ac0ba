package dev.fanoutbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workload files the project ships are read by the same rules as anyone's. */
class WorkloadsFolderTest {

    static final Path WORKLOADS = Path.of("..", "workloads");

    @Test
    void everyShippedWorkloadFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(WORKLOADS)) {
            files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Workload workload = WorkloadFile.read(file);
            assertThat(workload.windows()).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void theKneeWorkloadStepsFrom250To8000In250s() {
        Workload knee = WorkloadFile.read(WORKLOADS.resolve("knee.yaml"));

        assertThat(knee.windows())
                .hasSize(32)
                .extracting(Window::fromRate)
                .startsWith(250.0, 500.0)
                .endsWith(8000.0);
        assertThat(knee.warmupWindow()).get().extracting(Window::fromRate).isEqualTo(250.0);
        assertThat(knee.slo()).isEqualTo(new Slo(Duration.ofMillis(500), 0.01));
        assertThat(knee.request().uri(java.net.URI.create("http://127.0.0.1:8080/"), 3))
                .hasToString("http://127.0.0.1:8080/api/jitter/3?medianMs=100&sigma=0.4");
    }
}

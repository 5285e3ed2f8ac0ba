package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench.jar spread}: what it cannot use is one line and exit 2, before any stub or generator starts. */
class SpreadMainTest {

    @TempDir
    Path dir;

    record Run(int exit, String err) {}

    static Run spread(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new Run(SpreadMain.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aMissingWorkloadIsOneLine() {
        Run run = spread(dir.resolve("nope.yaml").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("nope.yaml: no such file");
    }

    @Test
    void oneGeneratorIsNothingToCompare() throws Exception {
        Path workload = Files.writeString(dir.resolve("w.yaml"), "name: w\n");
        Run run = spread(workload.toString(), "--generators", "1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--generators must be from 2 to 200 (127.0.0.2 and up), got 1");
    }
}

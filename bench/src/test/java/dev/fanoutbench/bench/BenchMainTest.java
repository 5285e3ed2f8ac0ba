package dev.fanoutbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The main job's bad input: one line naming the problem and exit code 2, before any load is sent. */
class BenchMainTest {

    static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRemoteTargetIsRefusedWithExitCode2() {
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = BenchMain.run("--target=http://192.0.2.10:8080"));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains("192.0.2.10").contains("allowRemote");
    }

    @Test
    void anUnknownPresetIsNamed() {
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = BenchMain.run("--preset=huge", "--target=http://127.0.0.1:1"));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains("unknown preset 'huge'");
    }

    @Test
    void aTargetWhereNothingListensIsOneLineNotAStackTrace() {
        int[] exit = new int[1];
        String err = stderrOf(() -> exit[0] = BenchMain.run("--target=http://127.0.0.1:1"));
        assertThat(exit[0]).isNotZero();
        assertThat(err.lines()).singleElement().asString().contains("127.0.0.1:1");
    }
}

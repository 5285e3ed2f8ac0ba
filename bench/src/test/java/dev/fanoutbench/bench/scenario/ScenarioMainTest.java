package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scenario runner's bad input: one line and exit code 2 before any work, never an arithmetic error after it. */
class ScenarioMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "99999"})
    void anInFlightCountOutsideWhatTheHarnessHoldsIsRefusedAtOnce(String inFlight) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Cli.of(
                        new ScenarioMain(),
                        "scenario",
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        e -> e instanceof IllegalArgumentException)
                .execute("cost", "--in-flight", inFlight);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .contains("--in-flight must be from 1 to 10000, got " + inFlight);
    }
}

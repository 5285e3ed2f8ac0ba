package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Asked for more clients, each benchmark runs those of them its lesson was written for, never a sequential 10,000. */
class ClientMatrixTest {

    static final String FAN_OUT = "\\Qdev.fanoutbench.bench.jmh.FanOutBenchmark\\E\\..*";
    static final String MANY_IN_FLIGHT = "\\Qdev.fanoutbench.bench.jmh.HighConcurrencyBenchmark\\E\\..*";
    static final String BLOCKING_LOOP = "\\Qdev.fanoutbench.bench.jmh.BlockingLoopBenchmark\\E\\..*";

    @Test
    void everyClientGoesWhereItsModelDoes() {
        Map<String, List<String>> runs = ClientMatrix.of("all", "");

        assertThat(runs).hasSize(6);
        assertThat(runs.get(FAN_OUT))
                .contains("sequential", "sequential+jdk", "virtual-threads+jdk", "vertx", "async+reactor");
        assertThat(runs.get(MANY_IN_FLIGHT))
                .containsExactly(
                        "thread-pool",
                        "thread-pool+jdk",
                        "thread-pool+vertx",
                        "thread-pool+reactor",
                        "virtual-threads",
                        "virtual-threads+jdk",
                        "virtual-threads+vertx",
                        "virtual-threads+reactor",
                        "vertx",
                        "async+jdk",
                        "async+reactor");
        assertThat(runs.get(BLOCKING_LOOP))
                .as("no model parameter: runs as written")
                .isEmpty();
    }

    @Test
    void aListNarrowsItAndAnIncludeNarrowsTheBenchmarks() {
        Map<String, List<String>> runs = ClientMatrix.of("virtual-threads+jdk, vertx", "FanOut");

        assertThat(runs).containsExactly(Map.entry(FAN_OUT, List.of("virtual-threads+jdk", "vertx")));
    }

    @Test
    void anUnknownClientIsOneLineNamingIt() {
        assertThatThrownBy(() -> ClientMatrix.of("virtual-threads+okhttp", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown library 'okhttp'")
                .hasMessageContaining("apache, jdk, vertx, reactor");
        assertThatThrownBy(() -> ClientMatrix.of("vertx+jdk", ""))
                .hasMessageContaining("vertx runs on its own event-loop client");
    }
}

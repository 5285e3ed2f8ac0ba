package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.fanoutbench.bench.workload.WorkloadFile;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload against a server that is not our stub: it runs, and what only the stub could say is "not measured". */
class AnyTargetTest {

    static HttpServer server;
    static URI base;

    @TempDir
    static Path runDir;

    @BeforeAll
    static void startAPlainServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/orders/", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aWorkloadRunsAgainstAServerWithoutStatsAndSaysWhatItCouldNotMeasure() throws Exception {
        Path file = Files.writeString(runDir.resolve("orders.yaml"), """
                request:
                  path: /orders/{id}
                  success: {echoId: false}
                load:
                  - closed: {concurrency: 4, count: 40}
                models: [virtual-threads]
                health: /orders/health
                """);
        WorkloadHealth.require(WorkloadFile.read(file), base);
        Ran ran =
                WorkloadForks.inProcess(file, List.of("virtual-threads"), base, runDir, Duration.ofMillis(500), false);
        Summaries.write(
                SummaryBuilder.build("any", "workload", base.toString(), null, ran, runDir),
                runDir.resolve("summary.json"));
        RunSummary.Trial trial =
                Summaries.read(runDir.resolve("summary.json")).trials().get(0);

        assertThat(trial.count(OutcomeKind.SUCCESS)).isEqualTo(40);
        assertThat(trial.server())
                .as("no /stats: not measured, rather than failed")
                .isNull();
    }

    @Test
    void aTargetThatDoesNotAnswerTheHealthRequestIsOneLine() throws Exception {
        Path file = Files.writeString(runDir.resolve("missing.yaml"), """
                request:
                  path: /orders/{id}
                load:
                  - closed: {concurrency: 1, count: 1}
                health: /nothing-here
                """);
        assertThatThrownBy(() -> WorkloadHealth.require(WorkloadFile.read(file), base))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health request GET " + base + "nothing-here")
                .hasMessageContaining("404")
                .hasMessageNotContaining("\n");
    }
}

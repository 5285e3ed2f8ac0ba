package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.Batch;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.JdkClientRetries;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.VirtualThreadClient;
import dev.fanoutbench.bench.trial.ServerWatch;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.bench.trial.TrialIdentity;
import dev.fanoutbench.bench.trial.TrialRecorder;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.Lesson;
import dev.fanoutbench.results.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check that cannot fail is a defect: each failure check is tripped here by a deliberately broken
 * model or a deliberately wrong server count, recorded through the same path the benchmarks use,
 * while a healthy model passes them all.
 */
class SelfChecksCanFailTest {

    static {
        JdkClientRetries.off(); // this test's own JDK client may be the JVM's first
    }

    static final int REQUESTS = 20;
    static MockServer server;

    @TempDir
    Path runDir;

    @BeforeAll
    static void startServer() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aHealthyModelFailsNoCheck() {
        assertThat(failedChecks(recordOneBatch(new VirtualThreadClient(), "items", () -> {})))
                .isEmpty();
    }

    @Test
    void aModelThatDropsAnOutcomeFailsTheRun() {
        ClientModel dropsOne = new Broken("drops-one", (model) -> (uris, options) -> {
            List<Outcome> all = model.run(uris, options);
            return all.subList(0, all.size() - 1);
        });
        assertThat(failedChecks(recordOneBatch(dropsOne, "items", () -> {})))
                .containsExactly(Check.ONE_OUTCOME_PER_REQUEST);
    }

    @Test
    void aModelThatRetriesARequestIsCaughtByTheServersCount() {
        ClientModel retries = new Broken("retries", (model) -> (uris, options) -> {
            List<Outcome> all = model.run(uris, options);
            get(uris.get(0)); // the hidden retry a client library might make
            return all;
        });
        RunSummary.Trial trial = recordOneBatch(retries, "items", () -> {});
        assertThat(failedChecks(trial)).containsExactly(Check.SERVER_AGREES);
        assertThat(trial.server().received()).isEqualTo(REQUESTS + 1);
    }

    @Test
    void aModelThatKeepsItsOutcomesToItselfFailsTheRun() {
        // counts its requests on a recorder of its own: the trial never hears how they ended
        ClientModel secretive = new Broken(
                "secretive",
                (model) -> (uris, options) ->
                        model.run(uris, BatchOptions.defaults().withMaxInFlight(options.maxInFlight())));
        assertThat(failedChecks(recordOneBatch(secretive, "items", () -> {}))).containsExactly(Check.OUTCOMES_ADD_UP);
    }

    @Test
    void aModelThatGivesUpOnItsRequestsLosesThemAndFailsTheRun() {
        ClientModel impatient = new Broken(
                "impatient",
                (model) -> (uris, options) -> model.start(uris, options).await(Duration.ofMillis(50)));
        RunSummary.Trial trial = recordOneBatch(impatient, "stuck", () -> {});
        assertThat(failedChecks(trial)).containsExactly(Check.NOTHING_LOST);
    }

    @Test
    void aForkThatNeverFinishedItsRecordFailsTheRun() throws IOException {
        java.nio.file.Files.createDirectories(runDir.resolve("records"));
        java.nio.file.Files.createFile(TrialRecorder.recordFile(runDir, "FanOutBenchmark.fanOut-3-200-vertx", 1));

        RunSummary summary =
                SummaryBuilder.build("crashed", "test", server.baseUri().toString(), null, List.of(), runDir);

        assertThat(summary.passed()).isFalse();
        assertThat(summary.failures()).extracting(RunSummary.Failure::check).containsExactly(Check.TRIAL_RECORDED);
    }

    @Test
    void aServerThatCountsWrongFailsTheRun() {
        RunSummary.Trial trial = recordOneBatch(new VirtualThreadClient(), "items", server::resetStats);
        assertThat(failedChecks(trial)).containsExactly(Check.SERVER_AGREES);
    }

    @Test
    void failuresWhereNoneAreExpectedFailTheRun() {
        RunSummary.Trial trial = recordOneBatch(new VirtualThreadClient(), "flaky", () -> {});
        assertThat(failedChecks(trial)).containsExactly(Check.NO_UNEXPECTED_FAILURES);
        assertThat(trial.failed()).isEqualTo(REQUESTS / 2);
    }

    /** One measured iteration of one batch, recorded and merged as a benchmark's trial is. */
    RunSummary.Trial recordOneBatch(ClientModel model, String endpoint, Runnable afterBatch) {
        List<URI> uris = new ArrayList<>();
        for (int id = 0; id < REQUESTS; id++) {
            uris.add(server.baseUri()
                    .resolve("/api/" + endpoint + "/" + id + (endpoint.equals("items") ? "?delayMs=5" : "")));
        }
        TrialIdentity id = new TrialIdentity(
                "SelfCheck-" + model.name(), "SelfCheck.batch", model.name(), Map.of("model", model.name()));
        try (model) {
            TrialRecorder recorder =
                    new TrialRecorder(id, runDir, new ServerWatch(server.baseUri()), Duration.ofMillis(200));
            recorder.iterationStarted(true);
            recorder.handedOver(uris.size());
            List<Outcome> outcomes = model.run(uris, BatchOptions.defaults().withLatencies(recorder.latencies()));
            recorder.returned(outcomes);
            afterBatch.run();
            recorder.iterationEnded();
            recorder.finish(new TrialFacts(Lesson.FAN_OUT, 5, REQUESTS, 0, true, false), 0, null);
            var record = SummaryBuilder.readRecord(TrialRecorder.recordFile(runDir, id.key(), 1));
            var score = new SummaryBuilder.JmhScore(new RunSummary.Score(5, null, "ms/op", List.of(5.0)), null);
            return SummaryBuilder.merge(List.of(record), score, runDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Check> failedChecks(RunSummary.Trial trial) {
        return SelfChecks.of(trial).stream()
                .map(SelfChecks.Finding::check)
                .filter(c -> c.severity() == Check.Severity.FAILURE)
                .distinct()
                .toList();
    }

    static void get(URI uri) {
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A real model with one bug wrapped around its run. */
    static final class Broken implements ClientModel {
        interface Run {
            List<Outcome> run(List<URI> uris, BatchOptions options);
        }

        private final String name;
        private final ClientModel inner = new VirtualThreadClient();
        private final Run run;

        Broken(String name, Function<ClientModel, Run> bug) {
            this.name = name;
            this.run = bug.apply(inner);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ModelKind kind() {
            return inner.kind();
        }

        @Override
        public Batch start(List<URI> requests, BatchOptions options) {
            throw new UnsupportedOperationException("these broken models only run");
        }

        @Override
        public List<Outcome> run(List<URI> requests, BatchOptions options) {
            return run.run(requests, options);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A thread pool sized to each batch's limit (pool size 0) is one pool for all batches: the threads one batch made
 * serve the next, warm, and a batch still never runs more than its own limit at once.
 */
class APoolMatchingTheLimitKeepsItsThreadsTest {

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static List<URI> items(int count, long delayMillis) {
        return IntStream.range(0, count)
                .mapToObj(i -> server.baseUri().resolve("/api/items/" + i + "?delayMs=" + delayMillis))
                .toList();
    }

    static BatchOptions limit(int maxInFlight) {
        return BatchOptions.defaults().withMaxInFlight(maxInFlight);
    }

    @Test
    void twoBatchesInARowRunOnTheSameThreads() {
        try (ThreadPoolClient model = new ThreadPoolClient(0)) {
            assertThat(model.run(items(20, 20), limit(10))).allMatch(Outcome::isSuccess);
            assertThat(model.threadsMade()).isEqualTo(10);

            assertThat(model.run(items(20, 20), limit(10))).allMatch(Outcome::isSuccess);
            assertThat(model.threadsMade())
                    .as("no new thread for the second batch")
                    .isEqualTo(10);
        }
    }

    @Test
    void aSmallerBatchAfterALargerOneStillKeepsToItsOwnLimit() {
        try (ThreadPoolClient model = new ThreadPoolClient(0)) {
            model.run(items(20, 20), limit(10));
            server.resetStats();

            assertThat(model.run(items(12, 200), limit(3))).allMatch(Outcome::isSuccess);

            assertThat(server.stats().endpoint("items").peakInFlight()).isEqualTo(3);
            assertThat(model.threadsMade()).isEqualTo(10);
        }
    }

    @Test
    void twoBatchesAtOnceEachGetTheirWholeLimit() {
        try (ThreadPoolClient model = new ThreadPoolClient(0)) {
            model.run(items(10, 20), limit(5));
            server.resetStats();

            // a pool grown only to the largest limit (5) would run the two side by side on 5 threads
            Batch first = model.start(items(10, 500), limit(5));
            Batch second = model.start(items(10, 500), limit(5));

            assertThat(first.await()).allMatch(Outcome::isSuccess);
            assertThat(second.await()).allMatch(Outcome::isSuccess);
            assertThat(server.stats().endpoint("items").peakInFlight()).isEqualTo(10);
            assertThat(model.threadsMade())
                    .as("five more for the batch beside it")
                    .isEqualTo(10);
        }
    }
}

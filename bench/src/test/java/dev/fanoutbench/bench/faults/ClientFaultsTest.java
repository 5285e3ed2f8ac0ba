package dev.fanoutbench.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fanoutbench.bench.MockServerProcess;
import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.model.ResponseCheck;
import dev.fanoutbench.bench.trial.ServerClient;
import dev.fanoutbench.results.OutcomeKind;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model against a server that breaks: killed mid-batch, frozen past the timeout, not there
 * at all, trickling its headers, streaming an endless body, answering garbage, resetting mid-body.
 * Each time every request ends as exactly one outcome within its timeout and a margin, the
 * client's heap stays bounded, and no thread or connection is left behind.
 */
@Tag("faults")
class ClientFaultsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** Scheduling, connection set-up and tear-down on a busy 2-core machine. */
    static final Duration MARGIN = Duration.ofSeconds(4);

    static final int REQUESTS = 5;
    /** A model reads at most 16 MiB of a body; five of them, and whatever was garbage, must be collectable. */
    static final long HEAP_BOUND_BYTES = 128L * 1024 * 1024;

    static final int THREAD_SLACK = 4;
    /** A module that runs this suite from bench's test jar (a user's library) names the jar from where it is. */
    static final Path MOCK_SERVER_JAR =
            Path.of(System.getProperty("faults.mockServerJar", "../mock-server/target/mock-server.jar"));

    /** Every client on the classpath, or those whose names match {@code -Dfaults.clients=REGEX}. */
    static List<String> clients() {
        String only = System.getProperty("faults.clients", "");
        return Clients.all().stream()
                .filter(c -> only.isBlank() || c.matches(only))
                .toList();
    }

    static Stream<Arguments> everyModelAgainstEveryFault() {
        return clients().stream()
                .flatMap(client -> Stream.of(FaultServer.Fault.values()).map(f -> Arguments.of(client, f)));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("everyModelAgainstEveryFault")
    void aBrokenServerEndsEveryRequestOnceInTimeAndLeavesNothingBehind(String client, FaultServer.Fault fault)
            throws Exception {
        int threadsBefore = platformThreads();
        long heapBefore = usedHeapAfterGc();
        try (FaultServer server = new FaultServer(fault)) {
            Result result = runBatch(client, server.base(), TIMEOUT);

            OutcomeKind expected =
                    fault == FaultServer.Fault.TRICKLED_HEADERS ? OutcomeKind.TIMEOUT : OutcomeKind.CONNECTION_ERROR;
            assertThat(result.outcomes())
                    .hasSize(REQUESTS)
                    .extracting(Outcome::kind)
                    .containsOnly(expected);
            assertThat(result.took()).isLessThan(bound(client));
            await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == 0);
        }
        assertNothingLeftBehind(threadsBefore, heapBefore);
    }

    @ParameterizedTest
    @MethodSource("clients")
    void aServerThatIsNotThereIsAConnectionErrorAtOnce(String client) throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort(); // closed again: nothing listens there now
        }
        Result result = runBatch(client, URI.create("http://127.0.0.1:" + port + "/"), TIMEOUT);

        assertThat(result.outcomes())
                .hasSize(REQUESTS)
                .extracting(Outcome::kind)
                .containsOnly(OutcomeKind.CONNECTION_ERROR);
        assertThat(result.outcomes()).allSatisfy(o -> assertThat(o.detail()).contains("refused"));
        assertThat(result.took()).isLessThan(MARGIN);
    }

    @ParameterizedTest
    @MethodSource("clients")
    void aServerKilledMidBatchEndsEveryRequestAsAConnectionError(String client) throws Exception {
        int threadsBefore = platformThreads();
        try (MockServerProcess server = MockServerProcess.start(MOCK_SERVER_JAR);
                ServerClient stats = new ServerClient(server.baseUri())) {
            Duration timeout = Duration.ofSeconds(5);
            List<URI> uris = uris(server.baseUri(), "?delayMs=3000");
            try (ClientModel model = Clients.create(client, 0)) {
                long start = System.nanoTime();
                // a thread of its own, not the common pool: the JDK's client completes a retried request there,
                // and on two cores this batch would hold the pool's only worker until every request timed out
                CompletableFuture<List<Outcome>> batch = new CompletableFuture<>();
                Thread.ofPlatform()
                        .start(() -> batch.complete(
                                model.run(uris, BatchOptions.defaults().withTimeout(timeout))));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> stats.stats().total().inFlight() >= 1);
                signal(server.pid(), "KILL");

                List<Outcome> outcomes = batch.get(60, TimeUnit.SECONDS);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(outcomes)
                        .hasSize(REQUESTS)
                        .extracting(Outcome::kind)
                        .containsOnly(OutcomeKind.CONNECTION_ERROR);
                assertThat(took)
                        .isLessThan(timeout.multipliedBy(ModelKind.waves(
                                        REQUESTS, Clients.kindOf(client).lanes(REQUESTS, 0)))
                                .plus(MARGIN));
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> platformThreads() <= threadsBefore + THREAD_SLACK);
    }

    @ParameterizedTest
    @MethodSource("clients")
    void aServerFrozenPastTheTimeoutEndsEveryRequestAsATimeout(String client) throws Exception {
        try (MockServerProcess server = MockServerProcess.start(MOCK_SERVER_JAR)) {
            signal(server.pid(), "STOP");
            try {
                Result result = runBatch(client, server.baseUri(), TIMEOUT);

                assertThat(result.outcomes())
                        .hasSize(REQUESTS)
                        .extracting(Outcome::kind)
                        .containsOnly(OutcomeKind.TIMEOUT);
                assertThat(result.took()).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(bound(client));
            } finally {
                signal(server.pid(), "CONT");
            }
        }
    }

    record Result(List<Outcome> outcomes, Duration took) {}

    private static Result runBatch(String client, URI base, Duration timeout) {
        try (ClientModel model = Clients.create(client, 0)) {
            long start = System.nanoTime();
            // the fault server's answers echo nothing: any 2xx would do, and none comes
            List<Outcome> outcomes = model.run(
                    uris(base, "?delayMs=0"),
                    BatchOptions.defaults().withTimeout(timeout).withCheck(ResponseCheck.ANY_2XX));
            return new Result(outcomes, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static List<URI> uris(URI base, String query) {
        return IntStream.range(0, REQUESTS)
                .mapToObj(i -> base.resolve("/api/items/" + i + query))
                .toList();
    }

    /** Each request may use its whole timeout, one wave after another. */
    private static Duration bound(String client) {
        return TIMEOUT.multipliedBy(
                        ModelKind.waves(REQUESTS, Clients.kindOf(client).lanes(REQUESTS, 0)))
                .plus(MARGIN);
    }

    private static void assertNothingLeftBehind(int threadsBefore, long heapBefore) {
        await().atMost(Duration.ofSeconds(10)).until(() -> platformThreads() <= threadsBefore + THREAD_SLACK);
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(HEAP_BOUND_BYTES);
    }

    private static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void signal(long pid, String signal) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                        .inheritIO()
                        .start()
                        .waitFor())
                .isZero();
    }
}

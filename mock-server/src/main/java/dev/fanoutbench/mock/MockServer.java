package dev.fanoutbench.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.BindException;
import java.net.URI;

/**
 * The stub API, embedded: slow ({@code /api/items}), jittery ({@code /api/jitter}), flaky
 * ({@code /api/flaky}), rate-limited ({@code /api/limited}) and stuck ({@code /api/stuck})
 * endpoints from the JSON mappings under {@code wiremock/mappings}, plus the server's own counts.
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
 *     URI items = server.baseUri().resolve("/api/items/1?delayMs=50");
 *     ...
 *     server.stats().total().peakInFlight();
 * }
 * }</pre>
 *
 * Thread-safe. Delays hold no thread: delayed answers are written by a small scheduled pool.
 */
public final class MockServer implements AutoCloseable {

    /** Longest configurable delay plus slack: no Jetty timeout may cut a delayed answer short. */
    private static final int LONGEST_WAIT_MILLIS = (int) RequestedDelay.MAX_DELAY_MILLIS + 60_000;

    /** How much of each answer's body WireMock keeps in its serve event (and journal, when on). */
    private static final int LOGGED_BODY_BYTES = 4_096;

    private final WireMockServer wireMock;
    private final ExchangeTracker tracker;
    private final DisconnectWatcher watcher;
    private final Dribble dribble;
    private final MockServerSettings settings;

    private MockServer(
            WireMockServer wireMock,
            ExchangeTracker tracker,
            DisconnectWatcher watcher,
            Dribble dribble,
            MockServerSettings settings) {
        this.wireMock = wireMock;
        this.tracker = tracker;
        this.watcher = watcher;
        this.dribble = dribble;
        this.settings = settings;
    }

    /** @throws MockServerException with a one-line reason if the server cannot start (e.g. port in use) */
    public static MockServer start(MockServerSettings settings) {
        ExchangeTracker tracker = new ExchangeTracker(new InFlightLimit(settings.inFlightLimit()));
        tracker.startedWith(settings);
        DisconnectWatcher watcher = new DisconnectWatcher(tracker::clientWentAway);
        Dribble dribble = new Dribble(tracker::clientWentAway);
        WireMockConfiguration config = wireMockConfig()
                .bindAddress(settings.bindAddress())
                .port(settings.port())
                .usingFilesUnderClasspath("wiremock")
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(settings.asyncResponseThreads())
                .containerThreads(settings.containerThreads())
                .jettyAcceptors(settings.acceptors())
                .jettyAcceptQueueSize(settings.acceptQueueSize())
                .jettyIdleTimeout((long) LONGEST_WAIT_MILLIS)
                .timeout(LONGEST_WAIT_MILLIS)
                // clients would otherwise upgrade to h2c and multiplex: every model speaks HTTP/1.1
                .http2PlainDisabled(true)
                .gzipDisabled(true)
                .stubRequestLoggingDisabled(true)
                // WireMock copies each answer's body into its serve event: keep that to a glance, not 10 MiB
                .maxLoggedResponseSize(LOGGED_BODY_BYTES)
                .notifier(new Slf4jNotifier(false))
                .extensions(
                        new TrackingServerFactory(
                                new ExchangeListener(tracker, watcher),
                                tracker.connections(),
                                new StubGuard(
                                        settings.protection().maxBodyBytes(),
                                        settings.protection().bodyTimeoutMillis(),
                                        tracker.refusals(),
                                        dribble),
                                new AdminGate(settings.protection().adminApi(), tracker.refusals())),
                        new StubBehaviour(tracker.limit(), settings.slowdown()),
                        new StatsTransformer(tracker));
        if (!settings.requestJournal()) {
            config.disableRequestJournal();
        }
        WireMockServer wireMock = new WireMockServer(config);
        try {
            wireMock.start();
        } catch (RuntimeException e) {
            watcher.close();
            dribble.close();
            throw new MockServerException(startFailure(settings, e), e);
        }
        return new MockServer(wireMock, tracker, watcher, dribble, settings);
    }

    public int port() {
        return wireMock.port();
    }

    /** {@code http://127.0.0.1:PORT/} (the bind address, or loopback when bound to all interfaces). */
    public URI baseUri() {
        String host = settings.bindAddress().equals("0.0.0.0") ? MockServerSettings.LOOPBACK : settings.bindAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    public MockServerSettings settings() {
        return settings;
    }

    /** The same numbers {@code GET /stats} serves. */
    public ServerStats stats() {
        return tracker.snapshot();
    }

    /** The same as {@code POST /stats/reset}. */
    public void resetStats() {
        tracker.reset();
    }

    @Override
    public void close() {
        try {
            wireMock.stop();
        } finally {
            watcher.close();
            dribble.close();
        }
    }

    private static String startFailure(MockServerSettings settings, Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return "cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": "
                        + (cause.getMessage() != null && cause.getMessage().contains("in use")
                                ? "the port is already in use"
                                : cause.getMessage());
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot start the mock server: " + root;
    }
}

package dev.fanoutbench.mock;

import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The standalone mock server: {@code java -jar mock-server/target/mock-server.jar [--port N] ...}.
 * Prints {@code mock-server listening on http://127.0.0.1:PORT} once it accepts connections, so
 * scripts can read the port; stops cleanly on Ctrl-C or SIGTERM. Exit code 2 for bad input.
 */
@Command(
        name = "mock-server",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Slow, jittery, flaky, rate-limited and stuck HTTP stubs that count what they see.%n"
                + "Endpoints: /api/items/{id}?delayMs=N, /api/jitter/{id}?medianMs=M&sigma=S, /api/flaky/{id},"
                + " /api/limited/{id}, /api/stuck/{id}, GET /stats, POST /stats/reset")
public final class MockServerMain implements Callable<Integer> {

    private static final MockServerSettings DEFAULTS = MockServerSettings.defaults();

    @Option(names = "--port", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--bind", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bindAddress = MockServerSettings.LOOPBACK;

    @Option(
            names = "--limit",
            description =
                    "requests /api/limited admits in flight before it answers 429" + " (default: ${DEFAULT-VALUE})")
    int limit = DEFAULTS.inFlightLimit();

    @Option(names = "--async-threads", description = "threads writing delayed answers (default: ${DEFAULT-VALUE})")
    int asyncThreads = DEFAULTS.asyncResponseThreads();

    @Option(names = "--container-threads", description = "Jetty thread pool size (default: ${DEFAULT-VALUE})")
    int containerThreads = DEFAULTS.containerThreads();

    @Option(names = "--acceptors", description = "Jetty acceptor threads (default: ${DEFAULT-VALUE})")
    int acceptors = DEFAULTS.acceptors();

    @Option(names = "--accept-queue", description = "listen backlog (default: ${DEFAULT-VALUE})")
    int acceptQueue = DEFAULTS.acceptQueueSize();

    @Option(
            names = "--extra-delay-ms",
            description =
                    "added to every delayed answer, to simulate a slower" + " dependency (default: ${DEFAULT-VALUE})")
    long extraDelayMillis;

    @Option(
            names = "--extra-delay-percent",
            description = "every delayed answer this much slower, e.g. 10 makes"
                    + " 200 ms 220 ms (default: ${DEFAULT-VALUE})")
    double extraDelayPercent;

    @Option(
            names = "--admin",
            description = "serve WireMock's admin API under /__admin, to clients on this machine"
                    + " only (off: it can stop the server, change it and make it fetch any URL)")
    boolean admin;

    @Option(
            names = "--max-body-bytes",
            description = "the largest request body read; larger get 413 (default: ${DEFAULT-VALUE})")
    long maxBodyBytes = Protection.DEFAULT_MAX_BODY_BYTES;

    @Option(
            names = "--body-timeout-ms",
            description = "how long a request body may stall before 408 (default: ${DEFAULT-VALUE})")
    long bodyTimeoutMillis = Protection.DEFAULT_BODY_TIMEOUT_MILLIS;

    @Option(
            names = "--parent-pid",
            description = "stop when the process with this pid ends (the harness passes its own,"
                    + " so no server outlives a killed run)")
    long parentPid;

    @Option(names = "--request-journal", description = "keep WireMock's request journal (off: it grows without bound)")
    boolean requestJournal;

    private final PrintWriter out;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile MockServer server;

    MockServerMain(PrintWriter out) {
        this.out = out;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        MockServerMain main = new MockServerMain(out);
        int exit = commandLine(main, out, err).execute(args);
        if (exit != 0 || main.server == null) {
            System.exit(exit);
        }
        // runs until Ctrl-C, SIGTERM or its parent's end; the hook closes the server, then the JVM exits 0
        Runtime.getRuntime().addShutdownHook(new Thread(main::stop, "mock-server-shutdown"));
        if (main.parentPid > 0) {
            exitWith(main.parentPid, out);
        }
        main.awaitStop();
    }

    /** Parses and starts; returns the exit code. A started server keeps running until {@link #stop()}. */
    static int run(MockServerMain main, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(main, out, err).execute(args);
    }

    private static CommandLine commandLine(MockServerMain main, PrintWriter out, PrintWriter err) {
        return Cli.of(
                        main,
                        "mock-server",
                        err,
                        e -> e instanceof MockServerException || e instanceof IllegalArgumentException)
                .setOut(out);
    }

    @Override
    public Integer call() {
        MockServerSettings settings = new MockServerSettings(
                bindAddress,
                port,
                limit,
                asyncThreads,
                containerThreads,
                acceptors,
                acceptQueue,
                requestJournal,
                new Slowdown(extraDelayMillis, extraDelayPercent),
                new Protection(admin, maxBodyBytes, bodyTimeoutMillis));
        OpenFileLimit.warning().ifPresent(System.err::println);
        server = MockServer.start(settings);
        out.println("mock-server listening on " + server.baseUri().toString().replaceAll("/$", ""));
        out.flush();
        return 0;
    }

    /** A parent killed with SIGKILL runs no hook of its own: the server notices it is gone and stops. */
    private static void exitWith(long parentPid, PrintWriter out) {
        ProcessHandle.of(parentPid)
                .map(ProcessHandle::onExit)
                .orElse(java.util.concurrent.CompletableFuture.completedFuture(null))
                .thenRun(() -> {
                    out.println("mock-server: the process that started it (pid " + parentPid + ") has ended; stopping");
                    out.flush();
                    System.exit(0);
                });
    }

    MockServer server() {
        return server;
    }

    void stop() {
        MockServer running = server;
        if (running != null) {
            running.close();
            out.println("mock-server stopped");
            out.flush();
        }
        stopped.countDown();
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

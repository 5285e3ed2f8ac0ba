package dev.fanoutbench.bench.cost;

import dev.fanoutbench.bench.model.JdkClientRetries;
import dev.fanoutbench.bench.run.LoopbackGuard;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The client libraries the models use, in bare closed loops without the harness: what a user
 * would write with each, so that a model's CPU per request can be set beside its library's own.
 * Vert.x's core HTTP client and its WebClient (what most Vert.x users write) on one event loop;
 * Apache HttpClient 5 classic (the thread models' library, set up as theirs: one pooled client,
 * no retries) and the JDK's HttpClient on platform threads and on virtual threads, one per connection;
 * the JDK's {@code sendAsync} and Reactor Netty as chains of futures, Reactor also blocked on from
 * virtual threads. The Vert.x model
 * keeps the core client because a WebClient request cannot be reset (a cancel or a timeout could
 * not close its connection) and reads any body whole.
 */
@Command(
        name = "bare-clients",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "The models' client libraries in bare closed loops: throughput and CPU per request.")
public final class BareClientsCost implements Callable<Integer> {

    static {
        JdkClientRetries.off(); // before this class can send anything
    }

    static final List<String> CLIENTS = List.of(
            "vertx-core-client",
            "vertx-web-client",
            "apache-classic-threads",
            "apache-classic-virtual-threads",
            "jdk-client-threads",
            "jdk-client-virtual-threads",
            "jdk-client-async",
            "reactor-netty-virtual-threads",
            "reactor-netty-async");

    @Option(names = "--clients", split = ",", description = "which loops (default: all of ${DEFAULT-VALUE})")
    List<String> clients = CLIENTS;

    @Option(names = "--target", required = true, description = "base URL of a running mock server")
    URI target;

    @Option(names = "--connections", description = "requests in flight (default: ${DEFAULT-VALUE})")
    int connections = 10;

    @Option(names = "--delay-ms", description = "the stub's delay (default: ${DEFAULT-VALUE})")
    int delayMs = 10;

    @Option(names = "--warmup-seconds", description = "default: ${DEFAULT-VALUE}")
    int warmupSeconds = 30;

    @Option(names = "--seconds", description = "default: ${DEFAULT-VALUE}")
    int seconds = 20;

    public static void main(String[] args) {
        System.exit(
                Cli.of(new BareClientsCost(), "bare-clients", System.err, e -> e instanceof IllegalArgumentException)
                        .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        URI base = LoopbackGuard.require(target, false, "(loopback only)");
        for (String client : clients) {
            if (!CLIENTS.contains(client)) {
                throw new IllegalArgumentException(
                        "--clients: unknown '" + client + "'; known: " + String.join(", ", CLIENTS));
            }
        }
        String url = base.resolve("/api/items/1?delayMs=" + delayMs).toString();
        if (clients.contains("vertx-core-client") || clients.contains("vertx-web-client")) {
            vertx(url);
        }
        if (clients.contains("apache-classic-threads")) {
            apache("apache-classic-threads", url, Thread.ofPlatform().factory());
        }
        if (clients.contains("apache-classic-virtual-threads")) {
            apache("apache-classic-virtual-threads", url, Thread.ofVirtual().factory());
        }
        if (clients.contains("jdk-client-threads")) {
            jdk("jdk-client-threads", url, Thread.ofPlatform().factory());
        }
        if (clients.contains("jdk-client-virtual-threads")) {
            jdk("jdk-client-virtual-threads", url, Thread.ofVirtual().factory());
        }
        if (clients.contains("jdk-client-async")) {
            jdkAsync(url);
        }
        if (clients.contains("reactor-netty-virtual-threads") || clients.contains("reactor-netty-async")) {
            reactor(url);
        }
        return Cli.OK;
    }

    private void vertx(String url) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClientOptions options = new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setMaxRedirects(0);
            PoolOptions pool = new PoolOptions().setHttp1MaxSize(Math.max(100, connections * 2));
            HttpClient core = vertx.httpClientBuilder().with(options).with(pool).build();
            WebClient web = WebClient.create(
                    vertx,
                    new WebClientOptions(options).setUserAgentEnabled(false).setFollowRedirects(false),
                    pool);
            Supplier<Future<Buffer>> viaCore = () -> core.request(new RequestOptions().setAbsoluteURI(url))
                    .compose(request -> request.send().compose(response -> response.body()));
            Supplier<Future<Buffer>> viaWeb = () -> web.getAbs(url).send().map(response -> response.bodyAsBuffer());
            if (clients.contains("vertx-core-client")) {
                measure("vertx-core-client", vertx, viaCore);
            }
            if (clients.contains("vertx-web-client")) {
                measure("vertx-web-client", vertx, viaWeb);
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code connections} threads of {@code threads}' kind, each sending its next request when its last one's body is
     * in.
     */
    private void apache(String name, String url, ThreadFactory threads) throws Exception {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(Math.max(100, connections * 2))
                .setMaxConnPerRoute(Math.max(100, connections * 2))
                .build();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build()) {
            Callable<Integer> send = () -> client.execute(new HttpGet(url), response -> {
                EntityUtils.toString(response.getEntity());
                return response.getCode();
            });
            blockingLoop(threads, send, warmupSeconds);
            System.out.println(CostLine.measure(name, () -> blockingLoop(threads, send, seconds))
                    .text());
        }
    }

    /** The JDK's HttpClient as its users write it: one client, HTTP/1.1, a blocking {@code send} per thread. */
    private void jdk(String name, String url, ThreadFactory threads) throws Exception {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build()) {
            java.net.http.HttpRequest request =
                    java.net.http.HttpRequest.newBuilder(URI.create(url)).build();
            Callable<Integer> send = () -> client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                    .statusCode();
            blockingLoop(threads, send, warmupSeconds);
            System.out.println(CostLine.measure(name, () -> blockingLoop(threads, send, seconds))
                    .text());
        }
    }

    /** The JDK's HttpClient through {@code sendAsync}: {@code connections} chains of futures, no thread waits. */
    private void jdkAsync(String url) throws Exception {
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build()) {
            java.net.http.HttpRequest request =
                    java.net.http.HttpRequest.newBuilder(URI.create(url)).build();
            Supplier<CompletableFuture<Integer>> send =
                    () -> client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                            .thenApply(java.net.http.HttpResponse::statusCode);
            futureLoop(send, warmupSeconds);
            System.out.println(CostLine.measure("jdk-client-async", () -> futureLoop(send, seconds))
                    .text());
        }
    }

    /** Reactor Netty as its users write it: one client, a Mono per request, blocked on or chained. */
    private void reactor(String url) throws Exception {
        reactor.netty.resources.ConnectionProvider pool = reactor.netty.resources.ConnectionProvider.builder("bare")
                .maxConnections(Math.max(100, connections * 2))
                .build();
        try {
            reactor.netty.http.client.HttpClient client =
                    reactor.netty.http.client.HttpClient.create(pool).protocol(reactor.netty.http.HttpProtocol.HTTP11);
            Supplier<reactor.core.publisher.Mono<Integer>> get = () -> client.get()
                    .uri(url)
                    .responseSingle((response, body) -> body.asString()
                            .defaultIfEmpty("")
                            .map(text -> response.status().code()));
            if (clients.contains("reactor-netty-virtual-threads")) {
                Callable<Integer> send = () -> get.get().block();
                ThreadFactory threads = Thread.ofVirtual().factory();
                blockingLoop(threads, send, warmupSeconds);
                System.out.println(
                        CostLine.measure("reactor-netty-virtual-threads", () -> blockingLoop(threads, send, seconds))
                                .text());
            }
            if (clients.contains("reactor-netty-async")) {
                Supplier<CompletableFuture<Integer>> send = () -> get.get().toFuture();
                futureLoop(send, warmupSeconds);
                System.out.println(CostLine.measure("reactor-netty-async", () -> futureLoop(send, seconds))
                        .text());
            }
        } finally {
            pool.disposeLater().block(java.time.Duration.ofSeconds(10));
        }
    }

    /** {@code connections} chains of futures, each sending its next request when its last one's body is in. */
    private CostLine.Counts futureLoop(Supplier<CompletableFuture<Integer>> send, int lengthSeconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(lengthSeconds);
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch chains = new CountDownLatch(connections);
        for (int i = 0; i < connections; i++) {
            futureChain(send, end, requests, failed, chains);
        }
        if (!chains.await(lengthSeconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the closed loop did not finish: is the stub answering?");
        }
        return new CostLine.Counts(requests.get(), failed.get());
    }

    private static void futureChain(
            Supplier<CompletableFuture<Integer>> send,
            long end,
            AtomicLong requests,
            AtomicLong failed,
            CountDownLatch chains) {
        send.get().whenComplete((status, error) -> {
            requests.incrementAndGet();
            if (error != null || status != 200) {
                failed.incrementAndGet();
            }
            if (System.nanoTime() < end) {
                futureChain(send, end, requests, failed, chains);
            } else {
                chains.countDown();
            }
        });
    }

    private CostLine.Counts blockingLoop(ThreadFactory threads, Callable<Integer> send, int lengthSeconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(lengthSeconds);
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> loops = new java.util.ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread loop = threads.newThread(() -> {
                while (System.nanoTime() < end) {
                    requests.incrementAndGet();
                    try {
                        if (send.call() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            loop.start();
            loops.add(loop);
        }
        for (Thread loop : loops) {
            loop.join();
        }
        return new CostLine.Counts(requests.get(), failed.get());
    }

    private void measure(String name, Vertx vertx, Supplier<Future<Buffer>> send) throws InterruptedException {
        loop(vertx, send, warmupSeconds);
        System.out.println(
                CostLine.measure(name, () -> loop(vertx, send, seconds)).text());
    }

    /** {@code connections} chains on one event loop, each sending its next request when the last one's body is in. */
    private CostLine.Counts loop(Vertx vertx, Supplier<Future<Buffer>> send, int lengthSeconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(lengthSeconds);
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CountDownLatch chains = new CountDownLatch(connections);
        Context loop = vertx.getOrCreateContext();
        for (int i = 0; i < connections; i++) {
            loop.runOnContext(v -> chain(send, end, requests, failed, chains));
        }
        if (!chains.await(lengthSeconds + 60L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the closed loop did not finish: is the stub answering?");
        }
        return new CostLine.Counts(requests.get(), failed.get());
    }

    private static void chain(
            Supplier<Future<Buffer>> send, long end, AtomicLong requests, AtomicLong failed, CountDownLatch chains) {
        send.get().onComplete(result -> {
            // a failure still ends the exchange; the count says whether any happened
            requests.incrementAndGet();
            if (result.failed()) {
                failed.incrementAndGet();
            }
            if (System.nanoTime() < end) {
                chain(send, end, requests, failed, chains);
            } else {
                chains.countDown();
            }
        });
    }
}

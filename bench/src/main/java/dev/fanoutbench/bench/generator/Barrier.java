package dev.fanoutbench.bench.generator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Generator 0's side of the {@link Meeting}: a small HTTP server the others ask at each point ({@code GET
 * /arrive?trial=&point=&generator=&stop=}, answered once all have arrived) and whose clock they read ({@code GET
 * /clock}, microseconds). A point is released when the last generator arrives, or, when patience runs out, with
 * the missing ones named: a generator that died must stop the others, never leave them waiting forever.
 */
public final class Barrier implements Meeting {

    static final int ANSWER_GRACE_SECONDS = 5;

    private final String trial;
    private final int count;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Point> points = new HashMap<>(); // guarded by this

    private Barrier(String trial, int count, HttpServer server) {
        this.trial = trial;
        this.count = count;
        this.server = server;
    }

    /**
     * Serves the barrier of {@code role} (generator 0's) on its port: on loopback only, unless the generators are on
     * other hosts ({@code anyInterface}).
     */
    public static Barrier serve(GeneratorRole role, String trial, boolean anyInterface) {
        InetSocketAddress bind = new InetSocketAddress(
                anyInterface ? new InetSocketAddress(0).getAddress() : InetAddress.getLoopbackAddress(), role.port());
        HttpServer server;
        try {
            server = HttpServer.create(bind, 64);
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot serve the generators' barrier on port " + role.port()
                    + ": it is in use (another run's generator 0?)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the generators' barrier on " + bind, e);
        }
        Barrier barrier = new Barrier(trial, role.count(), server);
        server.setExecutor(barrier.handlers);
        server.createContext("/arrive", barrier::arriveOverHttp);
        server.createContext("/clock", exchange -> answer(exchange, 200, Long.toString(Meeting.wallMicros())));
        server.start();
        return barrier;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public Release meet(String point, String stop, String report, Duration patience, Decision decision) {
        return arrive(point, 0, stop, report, patience, decision);
    }

    @Override
    public ClockOffset clock() {
        return ClockOffset.SAME;
    }

    Release arrive(String name, int generator, String stop, String report, Duration patience, Decision decision) {
        Point point;
        synchronized (this) {
            if (generator < 0 || generator >= count) {
                throw new IllegalArgumentException("generator " + generator + " is not one of this barrier's " + count
                        + " (0 to " + (count - 1) + ")");
            }
            point = points.computeIfAbsent(name, n -> new Point(System.nanoTime() + patience.toNanos()));
            if (!point.arrived.add(generator)) {
                throw new IllegalStateException("generator " + generator + " arrived twice at " + name
                        + ": two generators were given the same index");
            }
            if (generator == 0) {
                point.decision = decision;
            }
            point.reports.put(generator, report == null ? "" : report);
            if (stop != null && point.stop == null) {
                point.stop = count == 1 ? stop : "generator " + generator + " of " + count + ": " + stop;
            }
            if (point.arrived.size() == count && !point.released.isDone()) {
                release(point, List.of());
            }
        }
        try {
            return point.released.get(Math.max(0, point.deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                List<Integer> missing = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    if (!point.arrived.contains(i)) {
                        missing.add(i);
                    }
                }
                if (!point.released.isDone()) {
                    release(point, missing); // generator 0's step too: reading the stub at the end still counts
                }
            }
            return point.released.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the generators' barrier", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs generator 0's step (the stub's reset or read, the merged window's judgement), then lets everyone go; a step
     * that fails stops them all.
     */
    private void release(Point point, List<Integer> missing) {
        String stop = point.stop;
        if (point.decision != null) {
            try {
                String decided = point.decision.decide(Map.copyOf(point.reports));
                stop = stop != null ? stop : decided;
            } catch (RuntimeException e) {
                stop = stop != null ? stop : "generator 0's step failed: " + e.getMessage();
            }
        }
        point.released.complete(new Release(stop, missing));
    }

    private void arriveOverHttp(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!trial.equals(query.get("trial"))) {
            // generator 0 is still on another trial (a run of several models): the asker tries again
            answer(exchange, 409, "this barrier is trial " + trial);
            return;
        }
        if (!Integer.toString(count).equals(query.get("count"))) {
            answer(exchange, 400, "generator 0 has " + count + " generators, this one was told " + query.get("count"));
            return;
        }
        Release release;
        try {
            release = arrive(
                    query.getOrDefault("point", ""),
                    Integer.parseInt(query.getOrDefault("generator", "-1")),
                    query.get("stop"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    Duration.ofMillis(Long.parseLong(query.getOrDefault("patienceMillis", "0"))),
                    null);
        } catch (RuntimeException e) {
            answer(exchange, 400, String.valueOf(e.getMessage()));
            return;
        }
        answer(exchange, 200, encode(release));
    }

    static String encode(Release release) {
        StringBuilder text = new StringBuilder("released\n");
        if (release.stop() != null) {
            text.append("stop=").append(release.stop().replaceAll("\\s+", " ")).append('\n');
        }
        if (!release.missing().isEmpty()) {
            text.append("missing=")
                    .append(String.join(
                            ",", release.missing().stream().map(String::valueOf).toList()))
                    .append('\n');
        }
        return text.toString();
    }

    static Release decode(String text) {
        String stop = null;
        List<Integer> missing = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("stop=")) {
                stop = line.substring(5);
            } else if (line.startsWith("missing=")) {
                for (String i : line.substring(8).split(",")) {
                    missing.add(Integer.parseInt(i.strip()));
                }
            }
        }
        return new Release(stop, List.copyOf(missing));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        // the answers to the last point may still be on their way: they finish first (at most a few seconds)
        server.stop(ANSWER_GRACE_SECONDS);
        handlers.shutdownNow();
    }

    private static final class Point {
        final long deadlineNanos;
        final TreeSet<Integer> arrived = new TreeSet<>();
        final CompletableFuture<Release> released = new CompletableFuture<>();
        final Map<Integer, String> reports = new HashMap<>();
        String stop;
        Decision decision;

        Point(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }
    }
}

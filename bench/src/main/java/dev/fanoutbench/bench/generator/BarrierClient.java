package dev.fanoutbench.bench.generator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Generators 1 to N-1's side of the {@link Meeting}: each point is one request to generator 0's {@link Barrier},
 * answered when all have arrived. Until generator 0 listens (its pod may start later) the request is retried, for
 * as long as the point's patience.
 */
public final class BarrierClient implements Meeting {

    static final Duration RETRY = Duration.ofMillis(200);
    /** The answer to an arrival can take the whole patience; beyond it by this much, generator 0 is gone. */
    static final Duration ANSWER_SLACK = Duration.ofSeconds(30);

    private static final int CLOCK_SAMPLES = 8;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final String trial;
    private final int generator;
    private final int count;

    public BarrierClient(GeneratorRole role, String trial) {
        this.base = URI.create("http://" + role.barrier() + "/");
        this.trial = trial;
        this.generator = role.index();
        this.count = role.count();
    }

    @Override
    public Release meet(String point, String stop, String report, Duration patience, Decision ignored) {
        String query = "trial=" + encode(trial) + "&point=" + encode(point) + "&generator=" + generator + "&count="
                + count + "&patienceMillis=" + patience.toMillis() + (stop == null ? "" : "&stop=" + encode(stop));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("arrive?" + query))
                .timeout(patience.plus(ANSWER_SLACK))
                .POST(HttpRequest.BodyPublishers.ofString(report == null ? "" : report))
                .build();
        long deadline = System.nanoTime() + patience.toNanos();
        String lastProblem = "";
        while (true) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return Barrier.decode(answer.body());
                }
                if (answer.statusCode() != 409) {
                    throw new IllegalStateException("the generators' barrier at " + base + " refused " + point + ": "
                            + answer.body().strip());
                }
                lastProblem = ": it is still on another trial";
            } catch (IOException notThere) {
                // generator 0 is not listening yet (its pod starts later, it is between two trials), or went away: the
                // JDK's client says so as a refused connection or, after its own retries, as "too many retries"
                lastProblem = " (last: " + notThere + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the generators' barrier", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the generators' barrier at " + base + " did not let this generator"
                        + " in at " + point + " within " + patience.toSeconds() + " s: is generator 0 running?"
                        + lastProblem);
            }
            LockSupport.parkNanos(RETRY.toNanos());
        }
    }

    @Override
    public ClockOffset clock() {
        ClockOffset best = null;
        double bestRoundTrip = Double.MAX_VALUE;
        HttpRequest request = HttpRequest.newBuilder(base.resolve("clock"))
                .timeout(Duration.ofSeconds(5))
                .build();
        for (int i = 0; i < CLOCK_SAMPLES; i++) {
            try {
                long sent = Meeting.wallMicros();
                long theirs = Long.parseLong(http.send(request, HttpResponse.BodyHandlers.ofString())
                        .body()
                        .strip());
                long received = Meeting.wallMicros();
                double roundTrip = (received - sent) / 1000.0;
                if (roundTrip < bestRoundTrip) {
                    bestRoundTrip = roundTrip;
                    best = new ClockOffset((theirs - (sent + received) / 2.0) / 1000.0, roundTrip / 2);
                }
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("cannot read generator 0's clock at " + base + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted reading generator 0's clock", e);
            }
        }
        return best;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}

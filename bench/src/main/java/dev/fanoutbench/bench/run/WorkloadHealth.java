package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.model.JdkClientRetries;
import dev.fanoutbench.bench.workload.Workload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A target that is not our stub is checked with a request the workload names ({@code health}, or
 * else its own first request): a run must not start against something that does not answer.
 */
public final class WorkloadHealth {

    static {
        JdkClientRetries.off(); // before this class can send anything
    }

    static final Duration PATIENCE = Duration.ofSeconds(5);

    private WorkloadHealth() {}

    /** @throws IllegalArgumentException in one line when the target does not answer it with a 2xx */
    public static void require(Workload workload, URI base) {
        URI uri = workload.health() != null
                ? URI.create(trimmed(base) + workload.health())
                : workload.request().uri(base, 0);
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(PATIENCE).build()) {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(PATIENCE).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalArgumentException("target " + base + " answered the workload's health request GET "
                        + uri + " with " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "target " + base + " does not answer the workload's health request GET " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String trimmed(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}

package dev.fanoutbench.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Failures in a reader's words: what each kind means and, for HTTP errors, which statuses, so a
 * report says "the server refused 5,085 with 429 Too Many Requests (its own limit)" rather than
 * printing a map.
 */
public final class FailureWords {

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"),
            Map.entry(413, "Content Too Large"),
            Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private FailureWords() {}

    /**
     * Every failure kind with a count, largest first, e.g. "5,085 refused by the server: 429 Too Many
     * Requests (its own limit) x 5,085; 12 timed out".
     *
     * @param statuses the statuses of the HTTP errors, by status (may be empty)
     */
    public static String describe(Map<OutcomeKind, Long> outcomes, Map<Integer, Long> statuses) {
        List<String> parts = new ArrayList<>();
        outcomes.entrySet().stream()
                .filter(e -> e.getKey().isFailure() && e.getValue() > 0)
                .sorted(Map.Entry.<OutcomeKind, Long>comparingByValue().reversed())
                .forEach(
                        e -> parts.add(String.format(Locale.ROOT, "%,d %s", e.getValue(), what(e.getKey(), statuses))));
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    private static String what(OutcomeKind kind, Map<Integer, Long> statuses) {
        return switch (kind) {
            case HTTP_ERROR ->
                "answered with an error status" + (statuses.isEmpty() ? "" : " (" + statuses(statuses) + ")");
            case TIMEOUT -> "timed out (the per-request limit ran out)";
            case CONNECTION_ERROR -> "connection errors (refused, reset or closed without a whole answer)";
            case BAD_ANSWER -> "bad answers (a success status with a body that failed the check)";
            case CANCELLED -> "cancelled (still waiting when their window or batch ended)";
            case LOST -> "lost (started and never ended: the model lost track of them)";
            case DROPPED -> "dropped (due while the client held its cap of requests in flight: never sent)";
            case SUCCESS -> "succeeded";
        };
    }

    /** "429 Too Many Requests (the server's own limit) x 5,085, 503 Service Unavailable x 12". */
    public static String statuses(Map<Integer, Long> statuses) {
        List<String> parts = new ArrayList<>();
        statuses.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .forEach(e -> parts.add(String.format(Locale.ROOT, "%s x %,d", status(e.getKey()), e.getValue())));
        return String.join(", ", parts);
    }

    /** "429 Too Many Requests (the server's own limit)", "418". */
    public static String status(int status) {
        String reason = REASONS.get(status);
        String text = reason == null ? Integer.toString(status) : status + " " + reason;
        return status == 429 ? text + " (the server's own limit)" : text;
    }
}

package dev.fanoutbench.bench.workload;

import dev.fanoutbench.bench.model.SuccessStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request a workload repeats, and what counts as its success: a status within
 * {@code statusFrom..statusTo} and, when {@code echoId}, a body that echoes the request's id.
 *
 * @param path      starts with '/'; {@code {id}} is replaced by the request's sequence number
 * @param query     appended to the path in this order, URL-encoded
 * @param bodyBytes a POST body's size; 0 for GET
 */
public record RequestSpec(
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        int bodyBytes,
        Duration timeout,
        int statusFrom,
        int statusTo,
        boolean echoId) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The stub refuses larger bodies (mock-server --max-body-bytes). */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    public RequestSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(timeout, "timeout");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request path must start with '/', got '" + path + "'");
        }
        if (bodyBytes < 0 || bodyBytes > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("request bodyBytes must be within 0.." + MAX_BODY_BYTES + ", got " + bodyBytes);
        }
        new SuccessStatus(statusFrom, statusTo); // a range within 100-599, not empty
        // Map.copyOf would lose the file's order, which the query string keeps
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query == null ? Map.of() : query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
    }

    /**
     * The URI of request {@code id}: the path (after {@code base}'s own path, so that a target
     * behind a prefix keeps it) with {@code {id}} replaced, then the query.
     */
    public URI uri(URI base, long id) {
        String prefix = base.toString();
        if (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        StringBuilder uri = new StringBuilder(prefix).append(path.replace("{id}", Long.toString(id)));
        char separator = path.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /** The statuses that count as a success, as every model's accounting applies them. */
    public SuccessStatus success() {
        return new SuccessStatus(statusFrom, statusTo);
    }

    private static String encode(String text) {
        // URLEncoder writes a space as '+', which only form bodies read as a space
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

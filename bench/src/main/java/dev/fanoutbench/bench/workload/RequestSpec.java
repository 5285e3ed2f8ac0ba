package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fanoutbench.bench.model.SuccessStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public RequestSpec {
        if (!"GET".equalsIgnoreCase(method) && !"POST".equalsIgnoreCase(method)) {
            throw new InvalidKey("method", "must be GET or POST, got '" + method + "'");
        }
        method = method.toUpperCase(Locale.ROOT);
        requirePath("path", path);
        // Map.copyOf would lose the file's order, which the query string keeps
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query == null ? Map.of() : query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
        query.forEach((name, value) -> requireValue("query." + name, value));
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new InvalidKey("headers." + name, "is not a valid header name");
            }
            requireValue("headers." + name, value);
        });
        if (bodyBytes > MAX_BODY_BYTES) {
            throw new InvalidKey(
                    "bodyBytes", "must be at most " + MAX_BODY_BYTES + " (10 MiB, the stub's cap), got " + bodyBytes);
        }
        InvalidKey.within("bodyBytes", bodyBytes, 0, MAX_BODY_BYTES);
        if (bodyBytes > 0 && method.equals("GET")) {
            throw new InvalidKey("bodyBytes", "must be 0 for GET (a body needs method: POST), got " + bodyBytes);
        }
        InvalidKey.positive("timeout", timeout);
        InvalidKey.check("success.status", () -> new StatusRange(statusFrom, statusTo));
    }

    /** What a file writes, with its defaults: GET, 10 s, any 2xx whose body echoes the id. */
    @JsonCreator
    static RequestSpec bind(
            @JsonProperty("method") String method,
            @JsonProperty("path") String path,
            @JsonProperty("query") Map<String, String> query,
            @JsonProperty("headers") Map<String, String> headers,
            @JsonProperty("bodyBytes") Integer bodyBytes,
            @JsonProperty("timeout") Duration timeout,
            @JsonProperty("success") Success success) {
        StatusRange status = success == null || success.status() == null ? new StatusRange(200, 299) : success.status();
        return new RequestSpec(
                method == null ? "GET" : method,
                path,
                query,
                headers,
                bodyBytes == null ? 0 : bodyBytes,
                timeout == null ? DEFAULT_TIMEOUT : timeout,
                status.from(),
                status.to(),
                success == null || success.echoId() == null || success.echoId());
    }

    /** {@code success:} in a file. */
    record Success(StatusRange status, Boolean echoId) {}

    private static void requireValue(String key, String value) {
        if (value == null) {
            throw new InvalidKey(key, "has no value");
        }
    }

    /** A path, perhaps with a query, that makes a URI on any base. */
    static void requirePath(String key, String path) {
        if (path == null) {
            throw new InvalidKey(key, "is required");
        }
        if (!path.startsWith("/")) {
            throw new InvalidKey(key, "must start with '/', got '" + path + "'");
        }
        try {
            new URI("http://host" + path.replace("{id}", "0"));
        } catch (URISyntaxException e) {
            throw new InvalidKey(key, "is not a valid URI path: " + e.getReason() + ", got '" + path + "'");
        }
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

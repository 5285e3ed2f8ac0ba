package dev.fanoutbench.bench.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every request of a batch sends, the same for every model: its method, extra headers, and a
 * body of {@code bodyBytes} bytes ({@code application/octet-stream} unless the headers name
 * another type). The body is one shared, pre-allocated array per size, never built per request,
 * so a payload costs every model the same: what its client does to write it.
 *
 * <p>A body is sent when {@code bodyBytes > 0}, and always (empty, {@code Content-Length: 0}) by
 * POST, PUT and PATCH. The headers that frame the exchange are the clients' own and are refused
 * here: {@code Host}, {@code Content-Length}, {@code Transfer-Encoding}, {@code Connection} and the
 * send-time stamp ({@link HttpPolicy#SEND_NANOS_HEADER}).
 *
 * @param method    an HTTP method token, e.g. {@code GET} or {@code POST}
 * @param headers   extra request headers (copied; none by default)
 * @param bodyBytes the request body's length, 0 to {@link HttpPolicy#MAX_BODY_BYTES}
 */
public record RequestShape(String method, Map<String, String> headers, int bodyBytes) {

    /** A plain GET without a body: what a batch sends unless told otherwise. */
    public static final RequestShape GET = new RequestShape("GET", Map.of(), 0);

    static final String OCTET_STREAM = "application/octet-stream";
    private static final Set<String> CLIENTS_OWN = Set.of(
            "host",
            "content-length",
            "transfer-encoding",
            "connection",
            HttpPolicy.SEND_NANOS_HEADER.toLowerCase(Locale.ROOT));
    private static final Set<String> ALWAYS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    public RequestShape {
        Objects.requireNonNull(method, "method");
        if (method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException(
                    "method must be an HTTP method in capitals (GET, POST...), got '" + method + "'");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        for (String name : headers.keySet()) {
            if (CLIENTS_OWN.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(
                        "header " + name + " is set by the client itself, not by a request shape");
            }
        }
        if (bodyBytes < 0 || bodyBytes > HttpPolicy.MAX_BODY_BYTES) {
            throw new IllegalArgumentException(
                    "bodyBytes must be from 0 to " + HttpPolicy.MAX_BODY_BYTES + ", got " + bodyBytes);
        }
    }

    /** A POST with a body of {@code bodyBytes} bytes. */
    public static RequestShape post(int bodyBytes) {
        return new RequestShape("POST", Map.of(), bodyBytes);
    }

    public RequestShape withMethod(String name) {
        return new RequestShape(name, headers, bodyBytes);
    }

    public RequestShape withBodyBytes(int bytes) {
        return new RequestShape(method, headers, bytes);
    }

    /** These headers, and one more (replacing one of the same name). */
    public RequestShape withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                more.put(k, v);
            }
        });
        more.put(name, value);
        return new RequestShape(method, more, bodyBytes);
    }

    /** Whether the request carries a body, if only an empty one. */
    boolean sendsBody() {
        return bodyBytes > 0 || ALWAYS_WITH_BODY.contains(method);
    }

    /** Whether the headers give the body's Content-Type (else it goes as {@code application/octet-stream}). */
    boolean namesContentType() {
        return headers.keySet().stream().anyMatch("content-type"::equalsIgnoreCase);
    }

    /** The body: shared by every request of this size, never to be written to. */
    byte[] body() {
        return Bodies.of(bodyBytes);
    }

    /** One pre-allocated body per size in use: the same bytes for every model and every request. */
    private static final class Bodies {
        /** More sizes than a run uses at once: past it the cache starts again rather than grow. */
        private static final int MAX_SIZES = 16;

        private static final Map<Integer, byte[]> BY_SIZE = new ConcurrentHashMap<>();

        static byte[] of(int size) {
            byte[] body = BY_SIZE.get(size);
            if (body != null) {
                return body;
            }
            if (BY_SIZE.size() >= MAX_SIZES) {
                BY_SIZE.clear();
            }
            return BY_SIZE.computeIfAbsent(size, n -> {
                byte[] bytes = new byte[n];
                Arrays.fill(bytes, (byte) 'b');
                return bytes;
            });
        }
    }

    @Override
    public String toString() {
        return method + (headers.isEmpty() ? "" : " " + headers) + (sendsBody() ? " with " + bodyBytes + " bytes" : "");
    }
}

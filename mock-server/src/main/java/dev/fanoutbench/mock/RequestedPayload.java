package dev.fanoutbench.mock;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.OptionalInt;

/**
 * The answer's size and pace a caller asked for in the query string, on the stubs that take them
 * ({@code "payload": true} in their {@code transformerParameters}): {@code ?bytes=N} for a body of
 * exactly N bytes, {@code ?chunks=N&chunkDelayMs=M} to stream it in N chunks M ms apart.
 *
 * @param bytes            the body's length, if asked for
 * @param chunks           how many chunks to stream the body in, 0 for one ordinary write
 * @param chunkDelayMillis the pause between two chunks
 */
record RequestedPayload(OptionalInt bytes, int chunks, long chunkDelayMillis) {

    /** The largest body {@code ?bytes=N} asks for: 10 MiB, the same as the request body's default cap. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    static final int MAX_CHUNKS = 10_000;
    /** The longest a streamed body may take from its first chunk to its last, like the longest delay. */
    static final long MAX_STREAM_MILLIS = RequestedDelay.MAX_DELAY_MILLIS;

    static final RequestedPayload NONE = new RequestedPayload(OptionalInt.empty(), 0, 0);

    /** @throws IllegalArgumentException naming the bad parameter, for a 400 answer */
    static RequestedPayload from(Request request) {
        OptionalInt bytes = whole(request.queryParameter("bytes"), MAX_BYTES, 0, "bytes");
        OptionalInt chunks = whole(request.queryParameter("chunks"), MAX_CHUNKS, 1, "");
        OptionalInt gap =
                whole(request.queryParameter("chunkDelayMs"), (int) RequestedDelay.MAX_DELAY_MILLIS, 0, "milliseconds");
        if (gap.isPresent() && chunks.isEmpty()) {
            throw new IllegalArgumentException(
                    "chunkDelayMs needs chunks: ?chunks=N&chunkDelayMs=M streams the body in N chunks M ms apart");
        }
        int n = chunks.orElse(0);
        long m = gap.orElse(0);
        if (n > 1 && (n - 1) * m > MAX_STREAM_MILLIS) {
            throw new IllegalArgumentException("chunks and chunkDelayMs must stream the body within "
                    + MAX_STREAM_MILLIS + " ms, got (" + n + " - 1) x " + m + " ms");
        }
        return new RequestedPayload(bytes, n, m);
    }

    boolean streamed() {
        return chunks > 0;
    }

    private static OptionalInt whole(QueryParameter param, int max, int min, String unit) {
        if (!param.isPresent()) {
            return OptionalInt.empty();
        }
        String raw = param.firstValue();
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the one message below
        }
        String what = unit.isEmpty() ? "a whole number" : "a whole number of " + unit;
        String cap = max == MAX_BYTES ? max + " (10 MiB, the cap)" : Integer.toString(max);
        throw new IllegalArgumentException(
                param.key() + " must be " + what + " from " + min + " to " + cap + ", got '" + raw + "'");
    }
}

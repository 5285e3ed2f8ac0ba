package dev.fanoutbench.mock;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The body the payload stubs answer with when a caller asked for a size or sent a body:
 * {@code {"id":"7","endpoint":"items","received":65536,"pad":"xxxx..."}}, padded to exactly the
 * bytes asked for.
 *
 * <ul>
 * <li>{@code received} is there only for a request that carried a body (a POST): its length in bytes.</li>
 * <li>With room for it, a {@code "pad"} field of {@code x}s makes up the length; a length between the
 *     minimal echo and that (fewer than 9 bytes over it) is made up with spaces before the closing
 *     brace, still valid JSON.</li>
 * <li>A length shorter than the minimal echo ({@code {"id":"7","endpoint":"items"}}, 29 bytes for
 *     id 7) gets the minimal echo: the id is never cut.</li>
 * </ul>
 *
 * The padding is copied from one shared array of {@code x}s, grown to the largest length asked for
 * (at most {@link RequestedPayload#MAX_BYTES}), so a large body costs one array copy. Thread-safe.
 */
final class EchoBody {

    private static final byte[] PAD_OPEN = ",\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAD_CLOSE = "\"}".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"pad":""} */
    static final int EMPTY_PAD_BYTES = PAD_OPEN.length + 1;

    private static volatile byte[] padding = new byte[0];

    private EchoBody() {}

    /**
     * @param bytes    the body's exact length, or empty for the minimal echo
     * @param received the request body's length, or empty for a request without one
     */
    static byte[] of(String id, String endpoint, OptionalLong received, OptionalInt bytes) {
        StringBuilder head = new StringBuilder(64).append("{\"id\":\"");
        JsonStringEncoder.getInstance().quoteAsString(id, head);
        head.append("\",\"endpoint\":\"").append(endpoint).append('"');
        received.ifPresent(n -> head.append(",\"received\":").append(n));
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        int minimal = prefix.length + 1;
        int length = bytes.isPresent() ? Math.max(bytes.getAsInt(), minimal) : minimal;

        byte[] body = Arrays.copyOf(prefix, length);
        if (length >= minimal + EMPTY_PAD_BYTES) {
            int pad = length - minimal - EMPTY_PAD_BYTES;
            System.arraycopy(PAD_OPEN, 0, body, prefix.length, PAD_OPEN.length);
            System.arraycopy(padding(pad), 0, body, prefix.length + PAD_OPEN.length, pad);
            System.arraycopy(PAD_CLOSE, 0, body, length - PAD_CLOSE.length, PAD_CLOSE.length);
        } else {
            Arrays.fill(body, prefix.length, length - 1, (byte) ' ');
            body[length - 1] = '}';
        }
        return body;
    }

    /** At least {@code n} bytes of {@code x}. */
    private static byte[] padding(int n) {
        byte[] cached = padding;
        if (cached.length >= n) {
            return cached;
        }
        synchronized (EchoBody.class) {
            if (padding.length < n) {
                // grow to the next power of two (capped): a slowly rising size does not rebuild every time
                int size = (int) Math.min(
                        RequestedPayload.MAX_BYTES, Math.max(n, Integer.highestOneBit(Math.max(1, n - 1)) * 2L));
                byte[] grown = new byte[Math.max(size, n)];
                Arrays.fill(grown, (byte) 'x');
                padding = grown;
            }
            return padding;
        }
    }
}

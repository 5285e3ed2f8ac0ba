package dev.fanoutbench.mock;

/**
 * The headers the stub reads and writes, so clients and tests name them the same way.
 */
public final class StubHeaders {

    /** Answer: the delay the stub chose for this request, in milliseconds. */
    public static final String DELAY_MILLIS = "X-Mock-Delay-Ms";

    /**
     * Answer: how much later than the request's origin + its delay the stub started writing it, in
     * microseconds: the server's own share of the latency.
     */
    public static final String LATE_MICROS = "X-Mock-Late-Micros";

    /** Answer from {@code /api/limited}: admitted requests in flight, this one included. */
    public static final String IN_FLIGHT = "X-Mock-In-Flight";

    /**
     * Request: the client's {@link System#nanoTime()} just before it wrote the request. Every
     * process on one Linux host reads the same monotonic clock, so a stub on the same host can
     * measure its lateness from the moment the request left the client, including any time it
     * waited in the accept queue or the socket buffer before the server parsed it.
     */
    public static final String CLIENT_SEND_NANOS = "X-Client-Send-Nanos";

    private StubHeaders() {}
}

package dev.fanoutbench.spi;

import java.net.URI;
import java.util.Map;

/** One request as the harness asks a library to send it, and where the library says how to abort it. */
public interface Exchange {

    /** An HTTP method token: {@code GET}, {@code POST}, ... */
    String method();

    URI uri();

    /**
     * The headers to send, exactly: the run's own, a {@code Content-Type} when a body is sent, and the
     * harness's send stamp. Host, Content-Length and Connection are the library's to write.
     */
    Map<String, String> headers();

    /** True when a body is sent (always for POST, PUT and PATCH, empty or not). */
    boolean sendsBody();

    /** The body: one array shared by every request of the run, never to be modified. */
    byte[] body();

    /** The longest answer body to read: past it, fail with {@link BodyTooLargeException}. */
    int maxBodyBytes();

    /**
     * How to abort this exchange so that its connection closes: the harness runs it at most once, on
     * any thread, when the request ended another way first (its timeout, a cancel). Runs at once if the
     * request has already ended.
     */
    void onAbort(Runnable abort);
}

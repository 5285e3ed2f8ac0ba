package dev.fanoutbench.spi;

import java.util.concurrent.CompletionStage;

/**
 * An HTTP client library on the harness's library axis: the models (sequential, a thread pool,
 * virtual threads, and, if the library has a non-blocking API, the async model) run it, and it gets
 * the accounting, self-checks, report and comparison every built-in library gets.
 *
 * <p><b>How the harness finds it:</b> a public class with a public no-argument constructor, named
 * in {@code META-INF/services/dev.fanoutbench.spi.HttpLibrary} of a jar on the harness's classpath.
 * Its {@link #name()} is what a run selects: {@code virtual-threads+NAME}, {@code async+NAME}.
 *
 * <p><b>Lifecycle:</b> the harness creates one instance per model it runs and {@link #close()}s it
 * when the model closes (and one more at start-up, to read its name: keep the constructor cheap,
 * no connections). Build the client in the constructor, following {@link ClientPolicy} (HTTP/1.1,
 * keep-alive, pools of {@link ClientPolicy#MAX_CONNECTIONS}, the connect timeout, no retries or
 * redirects, the body cap), so the library can only win or lose by how it works, not by its settings.
 *
 * <p><b>Contract of an exchange:</b> send {@link Exchange#method()} to {@link Exchange#uri()} with
 * exactly {@link Exchange#headers()} and {@link Exchange#body()} when {@link Exchange#sendsBody()};
 * answer with the status and the body as read (any status: the harness judges it). A body longer than
 * {@link Exchange#maxBodyBytes()} must fail the exchange with {@link BodyTooLargeException} without
 * reading on; a connection that fails fails the exchange with the library's exception. Register, before
 * waiting, how to abort the exchange ({@link Exchange#onAbort}): the harness runs it when the request's
 * timeout or a cancel ended it first, and it must close the connection so the server sees it go.
 * Timeouts are the harness's: do not set a request or read timeout of your own.
 *
 * <p><b>Threading:</b> {@link #call} and {@link #callAsync} are called from many threads at once;
 * {@link #call} blocks the calling thread (a platform or a virtual thread) until the answer is read.
 * {@link #callAsync} must not block: it returns at once and completes the stage on the library's own
 * threads. The abort action may run on any thread, before, during or after the exchange.
 */
public interface HttpLibrary extends AutoCloseable {

    /** The library's id on the axis: lower case, no {@code +}, e.g. {@code "okhttp"}. */
    String name();

    /** One exchange, blocking the calling thread until its answer is read or it fails. */
    Answer call(Exchange exchange) throws Exception;

    /**
     * One exchange without blocking: the stage completes with the answer, or exceptionally with
     * what failed it, on the library's threads. Implement it only if the library has such an API:
     * a library that overrides it also runs as {@code async+NAME}.
     */
    default CompletionStage<Answer> callAsync(Exchange exchange) {
        throw new UnsupportedOperationException(name() + " has no non-blocking API");
    }

    /** Releases the library's threads and connections. */
    @Override
    void close();
}

package dev.fanoutbench.mock;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Streams an answer in chunks some milliseconds apart ({@code ?chunks=N&chunkDelayMs=M}), holding
 * no thread between two chunks.
 *
 * <p>WireMock's own {@code ChunkedDribbleDelay} does not fit: it sleeps between chunks on the
 * thread that writes the answer, one of the few async writers every delayed answer shares, so a
 * handful of slow streams would freeze every other answer of the stub. Here the answer WireMock
 * writes is caught in a buffer, the request is kept open (its {@link AsyncContext}'s completion
 * deferred, or the request put in async mode if WireMock answered at once), and a small scheduler
 * writes chunk {@code i} at {@code first + i * M}: the first when WireMock would have written the
 * answer (so the stub's lateness is measured as for any answer), the last {@code (N-1) * M} later.
 * A body shorter than N bytes goes out one byte per chunk.
 *
 * <p>Counting: the exchange leaves the in-flight count when the first chunk starts the answer, as
 * every answer does, and is served when the last is written; a client that goes away mid-stream
 * (a write fails) counts as a client disconnect. Thread-safe.
 */
final class Dribble implements AutoCloseable {

    /** The request's async timeout while it streams: the longest delay plus the longest stream, plus slack. */
    static final long ASYNC_TIMEOUT_MILLIS =
            RequestedDelay.MAX_DELAY_MILLIS + RequestedPayload.MAX_STREAM_MILLIS + 60_000;

    private final ScheduledExecutorService writers;
    private final Consumer<Exchange> clientLeft;

    /** @param clientLeft told when a client went away while its answer streamed */
    Dribble(Consumer<Exchange> clientLeft) {
        this.clientLeft = clientLeft;
        AtomicInteger n = new AtomicInteger();
        this.writers = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "mock-server-stream-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether the request may ask for a streamed answer: a cheap look at every request. */
    static boolean mayStream(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && query.contains("chunks=");
    }

    /** Passes the request on with wrappers that stream the answer if the stub chose to. */
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Exchange exchange = ExchangeListener.exchangeOf(request);
        if (exchange == null) {
            chain.doFilter(request, response);
            return;
        }
        Stream stream = new Stream(exchange, request, response);
        chain.doFilter(stream.request, stream.response);
    }

    @Override
    public void close() {
        writers.shutdownNow();
    }

    /** One answer's stream. */
    private final class Stream {
        private final Exchange exchange;
        private final HttpServletRequest original;
        private final HttpServletResponse target;
        final HttpServletRequest request;
        final HttpServletResponse response;
        private volatile AsyncContext async;
        /** Set once the stream owns the answer's completion. */
        private volatile boolean takenOver;

        private Buffer buffer;
        private byte[] body;
        private int length;
        private int chunks;
        private long gapNanos;
        private long firstNanos;
        private ServletOutputStream out;

        Stream(Exchange exchange, HttpServletRequest original, HttpServletResponse target) {
            this.exchange = exchange;
            this.original = original;
            this.target = target;
            this.request = new HttpServletRequestWrapper(original) {
                @Override
                public AsyncContext startAsync() {
                    return adopt(super.startAsync());
                }

                @Override
                public AsyncContext startAsync(ServletRequest req, ServletResponse res) {
                    return adopt(super.startAsync(req, res));
                }
            };
            this.response = new HttpServletResponseWrapper(target) {
                @Override
                public ServletOutputStream getOutputStream() throws IOException {
                    if (exchange.streamed() == null) {
                        return super.getOutputStream();
                    }
                    if (buffer == null) {
                        buffer = new Buffer();
                    }
                    return buffer;
                }

                @Override
                public void setContentLength(int len) {
                    if (exchange.streamed() == null) {
                        super.setContentLength(len);
                    }
                }

                @Override
                public void setContentLengthLong(long len) {
                    if (exchange.streamed() == null) {
                        super.setContentLengthLong(len);
                    }
                }
            };
        }

        /** WireMock delays the answer: keep its context, with a completion this stream can defer. */
        private AsyncContext adopt(AsyncContext real) {
            if (exchange.streamed() != null) {
                real.setTimeout(ASYNC_TIMEOUT_MILLIS);
            }
            async = real;
            return new DeferredCompletion(real);
        }

        /** WireMock has written the whole answer into the buffer: stream it from here on. */
        private void begin(byte[] content, int contentLength) throws IOException {
            takenOver = true;
            if (async == null) {
                // WireMock answered at once, on the dispatching thread: keep the request open past it
                AsyncContext started = original.startAsync();
                started.setTimeout(ASYNC_TIMEOUT_MILLIS);
                async = started;
            }
            RequestedPayload plan = exchange.streamed();
            body = content;
            length = contentLength;
            chunks = Math.min(plan.chunks(), length);
            gapNanos = TimeUnit.MILLISECONDS.toNanos(plan.chunkDelayMillis());
            if (chunks == 0) {
                complete();
                return;
            }
            out = target.getOutputStream();
            firstNanos = System.nanoTime();
            write(0);
        }

        private void write(int chunk) {
            int from = (int) ((long) length * chunk / chunks);
            int to = (int) ((long) length * (chunk + 1) / chunks);
            try {
                out.write(body, from, to - from);
                out.flush();
            } catch (IOException | RuntimeException clientGone) {
                clientLeft.accept(exchange);
                complete();
                return;
            }
            if (chunk + 1 == chunks) {
                complete();
                return;
            }
            long due = firstNanos + (chunk + 1) * gapNanos;
            try {
                writers.schedule(() -> write(chunk + 1), Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                complete();
            }
        }

        private void complete() {
            try {
                async.complete();
            } catch (IllegalStateException alreadyEnded) {
                // the connection failed and Jetty ended the request first: nothing left to complete
            }
        }

        /** Collects what WireMock writes; its close hands the answer to the stream. */
        private final class Buffer extends ServletOutputStream {
            private final Bytes bytes = new Bytes();
            private boolean closed;

            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    begin(bytes.array(), bytes.size());
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("a streamed answer is written blocking");
            }
        }

        /** WireMock completes its context once it has written the answer; a stream completes it when done. */
        private final class DeferredCompletion implements AsyncContext {
            private final AsyncContext real;

            DeferredCompletion(AsyncContext real) {
                this.real = real;
            }

            @Override
            public void complete() {
                if (!takenOver) {
                    real.complete();
                }
            }

            @Override
            public ServletRequest getRequest() {
                return real.getRequest();
            }

            @Override
            public ServletResponse getResponse() {
                return real.getResponse();
            }

            @Override
            public boolean hasOriginalRequestAndResponse() {
                return real.hasOriginalRequestAndResponse();
            }

            @Override
            public void dispatch() {
                real.dispatch();
            }

            @Override
            public void dispatch(String path) {
                real.dispatch(path);
            }

            @Override
            public void dispatch(ServletContext context, String path) {
                real.dispatch(context, path);
            }

            @Override
            public void start(Runnable run) {
                real.start(run);
            }

            @Override
            public void addListener(AsyncListener listener) {
                real.addListener(listener);
            }

            @Override
            public void addListener(AsyncListener listener, ServletRequest req, ServletResponse res) {
                real.addListener(listener, req, res);
            }

            @Override
            public <T extends AsyncListener> T createListener(Class<T> type) throws ServletException {
                return real.createListener(type);
            }

            @Override
            public void setTimeout(long timeout) {
                if (exchange.streamed() == null) {
                    real.setTimeout(timeout);
                }
            }

            @Override
            public long getTimeout() {
                return real.getTimeout();
            }
        }
    }

    /** A byte array stream whose array is read without a copy. */
    private static final class Bytes extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }
}

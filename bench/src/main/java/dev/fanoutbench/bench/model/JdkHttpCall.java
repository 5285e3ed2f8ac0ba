package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.BodyTooLargeException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

/**
 * The JDK's own {@code java.net.http.HttpClient} through {@code sendAsync}: the async model chains
 * its future, the thread-based models wait for it (what its {@code send} does inside, with the
 * future kept so that an abort can cancel it: since JDK 16 cancelling an HTTP/1.1 exchange closes
 * its connection). Its callbacks run on {@link HttpPolicy#IO_THREADS} threads of its own, as many
 * as any async library gets (its default is an unbounded cached pool). HTTP/1.1 pinned, no redirects. It has no
 * limit on connections (its pool setting bounds idle ones only), so the model's lanes are the limit,
 * as they are for every library. The send stamp is taken before the exchange: the client has no
 * hook between taking a connection and writing the request, so the stub's lateness it measures
 * includes connecting. Its retry of a request whose connection failed is off ({@link JdkClientRetries}):
 * with it the server counted one request twice, and the retry completed on the common ForkJoinPool,
 * where a caller that parked the pool's only worker (two cores) stalled it until the request's timeout.
 *
 * <p>Thread-safe.
 */
final class JdkHttpCall implements AsyncCall {

    static {
        JdkClientRetries.off(); // before this class can send anything
    }

    private final ExecutorService callbacks = Executors.newFixedThreadPool(
            HttpPolicy.IO_THREADS,
            Thread.ofPlatform().daemon().name("jdk-http-", 0).factory());
    private final HttpClient client = fromSourceAddress(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(HttpPolicy.CONNECT_TIMEOUT)
                    .executor(callbacks))
            .build();

    private static HttpClient.Builder fromSourceAddress(HttpClient.Builder builder) {
        java.net.InetAddress source = HttpPolicy.sourceAddress();
        return source == null ? builder : builder.localAddress(source);
    }

    @Override
    public CompletableFuture<Reply> send(BatchRun.Slot slot, RequestShape shape) {
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(slot.uri())
                    .method(
                            shape.method(),
                            shape.sendsBody()
                                    ? HttpRequest.BodyPublishers.ofByteArray(shape.body())
                                    : HttpRequest.BodyPublishers.noBody());
            shape.headers().forEach(request::header);
            if (shape.sendsBody() && !shape.namesContentType()) {
                request.header("Content-Type", RequestShape.OCTET_STREAM);
            }
            request.header(HttpPolicy.SEND_NANOS_HEADER, HttpPolicy.sendNanosNow());
            exchange = client.sendAsync(request.build(), info -> new CappedBody());
        } catch (RuntimeException e) {
            // a header the JDK's client refuses to send (Connection, Host...)
            return CompletableFuture.failedFuture(e);
        }
        slot.onAbort(() -> exchange.cancel(true));
        return exchange.thenApply(
                response -> new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        client.shutdownNow();
        callbacks.shutdownNow();
    }

    /**
     * The body, up to {@link HttpPolicy#MAX_BODY_BYTES}: past it the subscription is cancelled, which
     * closes the connection instead of reading on. (JDK 25 has {@code BodyHandlers.limiting}; this
     * project runs on 21 too.)
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (body.isDone()) {
                    return;
                }
                if (bytes.size() + buffer.remaining() > HttpPolicy.MAX_BODY_BYTES) {
                    subscription.cancel();
                    body.completeExceptionally(new BodyTooLargeException(HttpPolicy.MAX_BODY_BYTES));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}

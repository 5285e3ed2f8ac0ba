package dev.fanoutbench.bench.model;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;

/**
 * The JDK's own {@code java.net.http.HttpClient}, blocking the calling thread on its answer (what
 * its {@code send} does inside, with the future kept so that an abort can cancel it: since JDK 16
 * cancelling an HTTP/1.1 exchange closes its connection). HTTP/1.1 pinned, no redirects. It has no
 * limit on connections (its pool setting bounds idle ones only), so the model's lanes are the limit,
 * as they are for every library. The send stamp is taken before the exchange: the client has no
 * hook between taking a connection and writing the request, so the stub's lateness it measures
 * includes connecting. Two ways it differs from the policy, measured and left as its users get them:
 * it retries a GET once when its connection ends before the answer (the server may then count it
 * twice: the self-checks would say so), and it completes some stages on the common ForkJoinPool
 * (after such a retry), so a caller that parks the common pool's only worker (two cores) stalls it
 * until the request's timeout.
 *
 * <p>Thread-safe.
 */
final class JdkHttpCall implements BlockingCall {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(HttpPolicy.CONNECT_TIMEOUT)
            .build();

    @Override
    public void execute(BatchRun.Slot slot, RequestShape shape, ResponseWork work, ExecutorService workers) {
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
            slot.failed(e); // a header the JDK's client refuses to send (Connection, Host...)
            return;
        }
        slot.onAbort(() -> exchange.cancel(true));
        try {
            HttpResponse<byte[]> response = exchange.get();
            BlockingCall.doWork(work, workers);
            slot.answered(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (ExecutionException e) {
            slot.failed(e.getCause());
        } catch (CancellationException e) {
            slot.failed(e); // the batch ended it first (timeout, cancel): this changes nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            slot.failed(e);
        } catch (RuntimeException e) {
            slot.failed(e); // the response work or the answer's check failed: an outcome, not a dead thread
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
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
                    body.completeExceptionally(new HttpPolicy.BodyTooLarge());
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

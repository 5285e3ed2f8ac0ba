package dev.fanoutbench.bench.model;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Vert.x's core HTTP client, the event-loop model's library, waited on by the calling thread: the
 * same library as {@code vertx}, so "event loop or virtual threads" can be asked of one library.
 * The exchange is composed on Vert.x's side and awaited once ({@code Future.await}, which Vert.x 5
 * allows on any thread that is not its own): awaiting the response and then its body separately
 * loses bodies that arrive before the second wait (eclipse-vertx/vert.x#5904). An abort resets the
 * request, which closes its HTTP/1.1 connection.
 *
 * <p>Thread-safe.
 */
final class VertxBlockingCall implements BlockingCall {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient client = vertx.httpClientBuilder()
            .with(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1)
                    .setKeepAlive(true)
                    .setMaxRedirects(0)
                    .setConnectTimeout((int) HttpPolicy.CONNECT_TIMEOUT.toMillis())
                    .setLocalAddress(HttpPolicy.sourceAddressText()))
            .with(new PoolOptions().setHttp1MaxSize(HttpPolicy.POOL_SIZE))
            // a reset is already the request's outcome; without a handler Vert.x also logs it as an ERROR
            .withConnectHandler(connection -> connection.exceptionHandler(ignored -> {}))
            .build();

    @Override
    public void execute(BatchRun.Slot slot, RequestShape shape, ResponseWork work, ExecutorService workers) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(shape.method()))
                .setAbsoluteURI(slot.uri().toString());
        shape.headers().forEach(options::putHeader);
        if (shape.sendsBody() && !shape.namesContentType()) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, RequestShape.OCTET_STREAM);
        }
        AtomicBoolean aborted = new AtomicBoolean();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        slot.onAbort(() -> {
            aborted.set(true);
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
        });
        Future<Reply> exchange = client.request(options).compose(request -> {
            sent.set(request);
            if (aborted.get()) {
                request.reset(); // the abort came while the request waited for its connection
            }
            // a request future completes once it has a connection: stamp it now
            request.putHeader(HttpPolicy.SEND_NANOS_HEADER, HttpPolicy.sendNanosNow());
            Future<io.vertx.core.http.HttpClientResponse> response =
                    shape.sendsBody() ? request.send(Buffer.buffer(shape.body())) : request.send();
            return response.compose(answer -> VertxReplies.read(request, answer));
        });
        try {
            Reply reply = exchange.await();
            BlockingCall.doWork(work, workers);
            slot.answered(reply.status(), reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot.failed(e);
        } catch (Exception e) {
            slot.failed(e); // Future.await rethrows the cause as it is, checked ones (ConnectException) too
        }
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.err.println("vertx: its event loops did not stop within 10 s");
        }
    }
}

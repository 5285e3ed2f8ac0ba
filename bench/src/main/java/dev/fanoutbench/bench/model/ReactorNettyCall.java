package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.BodyTooLargeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Reactor Netty's HTTP client, the engine under Spring's WebClient: a {@code Mono} per exchange,
 * subscribed once; the async model chains it, the thread-based models wait for it. Its event loops
 * are {@link HttpPolicy#IO_THREADS} NIO loops (Vert.x's transport too: no native epoll for one side
 * only), its pool holds {@link HttpPolicy#POOL_SIZE} connections with an unbounded queue (the model
 * bounds what is in flight), and its one retry of a request whose connection closed before it was
 * sent is off, as no library here retries. Reactor reads bodies without a cap, so the body is
 * counted as it arrives and the exchange fails past {@link HttpPolicy#MAX_BODY_BYTES}. An abort
 * disposes the subscription, which closes the connection of an exchange in flight.
 *
 * <p>Thread-safe.
 */
final class ReactorNettyCall implements AsyncCall {

    private final LoopResources loops = LoopResources.create("reactor-http", HttpPolicy.IO_THREADS, true);
    private final ConnectionProvider pool = ConnectionProvider.builder("fanout")
            .maxConnections(HttpPolicy.POOL_SIZE)
            .pendingAcquireMaxCount(-1)
            .build();
    private final HttpClient client = fromSourceAddress(HttpClient.create(pool))
            .runOn(loops, false)
            .protocol(HttpProtocol.HTTP11)
            .keepAlive(true)
            .followRedirect(false)
            .disableRetry(true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HttpPolicy.CONNECT_TIMEOUT.toMillis())
            // a connection has a request on it: stamp it now, as late as this client lets a caller
            .doOnRequest(
                    (request, connection) -> request.header(HttpPolicy.SEND_NANOS_HEADER, HttpPolicy.sendNanosNow()));

    private static HttpClient fromSourceAddress(HttpClient client) {
        java.net.InetAddress source = HttpPolicy.sourceAddress();
        return source == null ? client : client.bindAddress(() -> new java.net.InetSocketAddress(source, 0));
    }

    @Override
    public CompletableFuture<Reply> send(BatchRun.Slot slot, RequestShape shape) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            HttpClient.RequestSender request = client.headers(headers -> {
                        shape.headers().forEach(headers::set);
                        if (shape.sendsBody() && !shape.namesContentType()) {
                            headers.set(HttpHeaderNames.CONTENT_TYPE, RequestShape.OCTET_STREAM);
                        }
                    })
                    .request(HttpMethod.valueOf(shape.method()))
                    .uri(slot.uri());
            HttpClient.ResponseReceiver<?> sent = shape.sendsBody()
                    ? request.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(shape.body())))
                    : request;
            Disposable subscription = sent.response((response, body) -> {
                        CappedBody capped = new CappedBody();
                        return body.handle(capped::append)
                                .then(Mono.fromSupplier(
                                        () -> new Reply(response.status().code(), capped.text())));
                    })
                    .single()
                    .subscribe(reply::complete, reply::completeExceptionally);
            slot.onAbort(() -> {
                subscription.dispose(); // closes the connection; a disposed Mono signals nothing more, so:
                reply.completeExceptionally(new CancellationException("aborted"));
            });
        } catch (RuntimeException e) {
            reply.completeExceptionally(e); // a method or header Netty refuses
        }
        return reply;
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(10)).block(Duration.ofSeconds(10));
    }

    /** The body so far; past the cap the exchange fails (and the subscription's end closes the connection). */
    private static final class CappedBody {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void append(ByteBuf chunk, SynchronousSink<Object> sink) {
            if (bytes.size() + chunk.readableBytes() > HttpPolicy.MAX_BODY_BYTES) {
                sink.error(new BodyTooLargeException(HttpPolicy.MAX_BODY_BYTES));
                return;
            }
            byte[] copy = new byte[chunk.readableBytes()];
            chunk.readBytes(copy); // Netty releases the buffer once this returns
            bytes.write(copy, 0, copy.length);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}

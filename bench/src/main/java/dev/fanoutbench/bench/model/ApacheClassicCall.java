package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.BodyTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 classic, the thread-based models' default library, which does its socket I/O on the calling thread
 * (so a platform thread really blocks, and a virtual thread really parks) and locks with
 * ReentrantLock (so virtual threads do not pin). HTTP/1.1, keep-alive, no retries (a retried GET
 * would hide a failure and double the server's count), no redirects, and a pool larger than any
 * concurrency under test ({@link HttpPolicy}).
 *
 * <p>Thread-safe.
 */
final class ApacheClassicCall implements BlockingCall {

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    ApacheClassicCall() {
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(HttpPolicy.POOL_SIZE)
                .setMaxConnPerRoute(HttpPolicy.POOL_SIZE)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(HttpPolicy.CONNECT_TIMEOUT))
                        // the batch owns time limits; the socket only guards against the absurd
                        .setSocketTimeout(Timeout.ofMinutes(15))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setRequestExecutor(new StampingExecutor())
                .setRoutePlanner(new FromSourceAddress(HttpPolicy.sourceAddress()))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .build();
    }

    /** Connects from the source address when one is set; Apache classic has no other setting for it. */
    private static final class FromSourceAddress extends org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner {
        private final java.net.InetAddress source;

        FromSourceAddress(java.net.InetAddress source) {
            super(org.apache.hc.client5.http.impl.DefaultSchemePortResolver.INSTANCE);
            this.source = source;
        }

        @Override
        protected java.net.InetAddress determineLocalAddress(
                org.apache.hc.core5.http.HttpHost firstHop, HttpContext context) {
            return source;
        }
    }

    @Override
    public void execute(BatchRun.Slot slot, RequestShape shape, ResponseWork work, ExecutorService workers) {
        HttpUriRequestBase request = new HttpUriRequestBase(shape.method(), slot.uri());
        shape.headers().forEach(request::setHeader);
        if (shape.sendsBody()) {
            if (!shape.namesContentType()) {
                request.setHeader(HttpHeaders.CONTENT_TYPE, RequestShape.OCTET_STREAM);
            }
            // the shared array, written as it is: no copy per request (the entity's own type stays null,
            // so the header above is the only Content-Type, as with Vert.x)
            request.setEntity(new ByteArrayEntity(shape.body(), null));
        }
        slot.onAbort(request::cancel);
        try {
            Reply reply = client.execute(
                    request, response -> new Reply(response.getCode(), bodyOf(response.getEntity(), request::cancel)));
            BlockingCall.doWork(work, workers);
            slot.answered(reply.status(), reply.body());
        } catch (IOException | RuntimeException e) {
            slot.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot.failed(e);
        }
    }

    /**
     * The body as text, read up to the cap. Past it the exchange is aborted first: closing the
     * stream as usual would read the rest of the body, however long, to reuse the connection.
     */
    private static String bodyOf(HttpEntity entity, Runnable abort) throws IOException {
        if (entity == null) {
            return "";
        }
        InputStream in = entity.getContent();
        byte[] body = in.readNBytes(HttpPolicy.MAX_BODY_BYTES + 1);
        if (body.length > HttpPolicy.MAX_BODY_BYTES) {
            abort.run();
            throw new BodyTooLargeException(HttpPolicy.MAX_BODY_BYTES);
        }
        in.close();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Stamps the send time once the connection is leased and connected, right before the request is written. */
    private static final class StampingExecutor extends HttpRequestExecutor {
        @Override
        public ClassicHttpResponse execute(
                ClassicHttpRequest request,
                HttpClientConnection connection,
                HttpResponseInformationCallback informationCallback,
                HttpContext context)
                throws IOException, HttpException {
            request.setHeader(HttpPolicy.SEND_NANOS_HEADER, HttpPolicy.sendNanosNow());
            return super.execute(request, connection, informationCallback, context);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing sockets on the way out: nothing to report
        }
        connections.close();
    }
}

package dev.fanoutbench.examples.okhttp;

import dev.fanoutbench.spi.Answer;
import dev.fanoutbench.spi.BodyTooLargeException;
import dev.fanoutbench.spi.ClientPolicy;
import dev.fanoutbench.spi.Exchange;
import dev.fanoutbench.spi.HttpLibrary;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * OkHttp 5 as a client library of the harness: {@code sequential+okhttp}, {@code thread-pool+okhttp},
 * {@code virtual-threads+okhttp} on {@link Call#execute()}, and {@code async+okhttp} on
 * {@link Call#enqueue}. The whole of it is this class and its line in
 * {@code META-INF/services/dev.fanoutbench.spi.HttpLibrary}.
 *
 * <p>What OkHttp adds to {@link Exchange#headers()} on its own: {@code Host}, {@code Connection:
 * Keep-Alive}, {@code Content-Length}, {@code User-Agent: okhttp/5.x} and {@code Accept-Encoding:
 * gzip} (it then unzips a gzipped answer itself; the stub never zips). Left as OkHttp sends them:
 * they are what its users send too.
 *
 * <p>{@code async+okhttp} is OkHttp's own non-blocking API, but not non-blocking I/O: {@code enqueue}
 * runs each call's blocking exchange on a thread of its dispatcher's pool, one per call in flight,
 * so the async model on OkHttp holds a platform thread per request in flight, as it does in its users' programs.
 */
public final class OkHttpLibrary implements HttpLibrary {

    private final OkHttpClient client;

    public OkHttpLibrary() {
        Dispatcher dispatcher = new Dispatcher();
        // 64 in flight, 5 per host by default, for enqueue() only: a fan-out to one host would queue behind 5
        dispatcher.setMaxRequests(ClientPolicy.MAX_CONNECTIONS);
        dispatcher.setMaxRequestsPerHost(ClientPolicy.MAX_CONNECTIONS);
        client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                // OkHttp limits idle connections only (its default keeps 5): a burst's connections stay for the next
                .connectionPool(new ConnectionPool(ClientPolicy.MAX_CONNECTIONS, 5, TimeUnit.MINUTES))
                .protocols(List.of(Protocol.HTTP_1_1))
                // a retried request would hide a failure and make the server count it twice
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(ClientPolicy.CONNECT_TIMEOUT)
                // 0 is none: the harness's timeout ends a request (through the abort), OkHttp's 10 s defaults must not
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
    }

    @Override
    public String name() {
        return "okhttp";
    }

    @Override
    public Answer call(Exchange exchange) throws IOException {
        Call call = client.newCall(request(exchange));
        // before waiting: cancel() closes the socket wherever the call is, and fails execute() on this thread
        exchange.onAbort(call::cancel);
        try (Response response = call.execute()) {
            return answer(call, response, exchange.maxBodyBytes());
        }
    }

    @Override
    public CompletionStage<Answer> callAsync(Exchange exchange) {
        Call call;
        try {
            call = client.newCall(request(exchange));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // a URL or header OkHttp refuses
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        exchange.onAbort(call::cancel);
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                // on a dispatcher thread, which may block: the body is read here, as in call()
                try (response) {
                    answer.complete(answer(answered, response, exchange.maxBodyBytes()));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e); // thrown on, OkHttp would only log it
                }
            }
        });
        return answer;
    }

    @Override
    public void close() {
        // a call still in flight would keep its connection, and an enqueued one its thread
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Exactly the exchange's headers; its body as it is, with no type, which would replace its Content-Type. */
    private static Request request(Exchange exchange) {
        Request.Builder request = new Request.Builder().url(exchange.uri().toString());
        exchange.headers().forEach(request::header);
        // an empty body still goes as a body: a POST with Content-Length: 0
        RequestBody body = exchange.sendsBody() ? RequestBody.create(exchange.body()) : null;
        return request.method(exchange.method(), body).build();
    }

    /**
     * The status and the body up to the cap, read 8 KiB at a time as it arrives. Past the cap the
     * call is cancelled, closing its socket: closing the response alone would read on for up to
     * 100 ms, to keep the connection.
     */
    private static Answer answer(Call call, Response response, int maxBodyBytes) throws IOException {
        BufferedSource body = response.body().source();
        if (body.request(maxBodyBytes + 1L)) {
            call.cancel();
            throw new BodyTooLargeException(maxBodyBytes);
        }
        return new Answer(response.code(), body.readByteArray());
    }
}

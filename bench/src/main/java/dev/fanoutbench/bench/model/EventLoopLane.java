package dev.fanoutbench.bench.model;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An event loop and the client whose connections live on it: what one verticle instance is to a Vert.x user, and
 * made the way they make it, by deploying one instance per event loop. Each instance's start runs on its own
 * context, so the client it builds there, and the connections its requests open from that context, stay on that
 * loop.
 */
final class EventLoopLane {

    /** Deploying a handful of verticles that only build a client takes milliseconds; this is a hang. */
    private static final long DEPLOY_PATIENCE_SECONDS = 30;

    private final Context loop;
    private final HttpClient client;
    private volatile boolean answered;

    private EventLoopLane(Context loop, HttpClient client) {
        this.loop = loop;
        this.client = client;
    }

    /** {@code count} lanes, one verticle instance each, deployed and started before this returns. */
    static List<EventLoopLane> deploy(Vertx vertx, int count) {
        Queue<EventLoopLane> started = new ConcurrentLinkedQueue<>();
        // the lanes' pools add up to the policy's; each holds more than the most a lane runs
        int poolSize = HttpPolicy.POOL_SIZE / count;
        try {
            vertx.deployVerticle(() -> new Starter(poolSize, started), new DeploymentOptions().setInstances(count))
                    .await(DEPLOY_PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "vertx: " + count + " lanes did not deploy within " + DEPLOY_PATIENCE_SECONDS + " s", e);
        }
        return List.copyOf(started);
    }

    Context loop() {
        return loop;
    }

    HttpClient client() {
        return client;
    }

    /** A request on this lane got its answer: its loop, client and a connection have all run. */
    void answered() {
        if (!answered) {
            answered = true; // read first: a write per answer would contend with the lanes' reads
        }
    }

    boolean warmed() {
        return answered;
    }

    /** The thread this lane's loop runs on, as its own tasks see it. */
    Future<Thread> thread() {
        Promise<Thread> thread = Promise.promise();
        loop.runOnContext(v -> thread.complete(Thread.currentThread()));
        return thread.future();
    }

    /** One instance per lane: builds the lane's client on the context Vert.x gave this instance. */
    private static final class Starter extends VerticleBase {

        private final int poolSize;
        private final Queue<EventLoopLane> started;

        Starter(int poolSize, Queue<EventLoopLane> started) {
            this.poolSize = poolSize;
            this.started = started;
        }

        @Override
        public Future<?> start() {
            HttpClient client = vertx.httpClientBuilder()
                    .with(new HttpClientOptions()
                            .setProtocolVersion(HttpVersion.HTTP_1_1)
                            .setKeepAlive(true)
                            .setMaxRedirects(0)
                            .setConnectTimeout((int) HttpPolicy.CONNECT_TIMEOUT.toMillis())
                            .setLocalAddress(HttpPolicy.sourceAddressText()))
                    .with(new PoolOptions().setHttp1MaxSize(poolSize))
                    // a reset is already the request's outcome; without a handler Vert.x also logs it as an ERROR
                    .withConnectHandler(connection -> connection.exceptionHandler(ignored -> {}))
                    .build();
            started.add(new EventLoopLane(context, client));
            return Future.succeededFuture();
        }
    }
}

package dev.fanoutbench.bench.model;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vert.x 5 event loops drive every request: no thread waits, each request is a chain of futures,
 * and the in-flight limit is a counter the loop checks before sending the next (it never blocks
 * the loop). Pools are sized explicitly: Vert.x's default of 5 connections would silently queue a
 * fan-out.
 *
 * <p>Run as its experts deploy it, one client per event loop, each built by a verticle instance of
 * its own ({@link EventLoopLane}): a connection lives on the loop that opened it, and a pool's acquire scans every
 * connection it holds, so one client on one loop would put thousands of connections on one core
 * and make every acquire walk all of them. A batch with a large limit is shared out over the
 * lanes (each with its part of the limit); a small one, and every batch of a blocking mode, runs
 * on one lane, so the pitfalls stay what they are: one loop, serialised.
 *
 * <p>{@link IoMode} makes the pitfall of lesson 9 measurable: a blocking library called on
 * the loop serialises everything; the same call moved to a worker pool is concurrent again. Each
 * time the loop is blocked past {@code maxLoopExecuteMillis}, Vert.x's blocked-thread checker
 * fires; {@link #blockedThreadWarnings()} counts those warnings.
 */
public final class VertxEventLoopClient extends AbstractClientModel {

    public enum IoMode {
        /** the Vert.x HTTP client: the loop never waits */
        ASYNC,
        /** the shared blocking client called on the event loop: the pitfall */
        BLOCKING_ON_LOOP,
        /** the shared blocking client called through executeBlocking: the fix */
        BLOCKING_ON_WORKER
    }

    /** How many requests the loop sends before it lets other events (answers) through. */
    static final int REQUESTS_PER_TURN = 100;

    /** Vert.x's default warning threshold: the loop ran one task for longer than 2 s. */
    public static final long DEFAULT_MAX_LOOP_EXECUTE_MILLIS = 2_000;

    /** One lane per event loop, as many loops as Vert.x's default: two per core. */
    static final int LANES = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;

    /** A batch is shared out over lanes only from this many requests in flight per lane. */
    static final int MIN_IN_FLIGHT_PER_LANE = 256;

    private final IoMode mode;
    private final Vertx vertx;
    /** Offloaded CPU work: as many workers as the thread models get (WorkerPool), not Vert.x's default of 20. */
    private final WorkerExecutor cpuWorkers;

    private final EventLoopLane[] lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final BlockingCall blockingHttp;
    private final BlockedThreadWarnings blockedWarnings;

    public VertxEventLoopClient() {
        this(IoMode.ASYNC, DEFAULT_MAX_LOOP_EXECUTE_MILLIS);
    }

    /**
     * @param maxLoopExecuteMillis how long one task may hold the loop before the blocked-thread
     *                             checker warns (it checks every tenth of that, at least every 10 ms)
     */
    public VertxEventLoopClient(IoMode mode, long maxLoopExecuteMillis) {
        super(
                ModelKind.VERTX,
                mode == IoMode.ASYNC
                        ? ModelKind.VERTX.id()
                        : ModelKind.VERTX.id() + "-"
                                + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        this.mode = mode;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(maxLoopExecuteMillis)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(Math.max(10, maxLoopExecuteMillis / 10))
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setEventLoopPoolSize(LANES));
        this.blockedWarnings = new BlockedThreadWarnings(vertx);
        this.lanes = EventLoopLane.deploy(vertx, LANES).toArray(EventLoopLane[]::new);
        this.blockingHttp = mode == IoMode.ASYNC ? null : Library.APACHE.open();
        this.cpuWorkers = vertx.createSharedWorkerExecutor(name() + "-cpu", WorkerPool.SIZE);
    }

    /** Blocked-thread warnings Vert.x raised since this model started. */
    public long blockedThreadWarnings() {
        return blockedWarnings.count();
    }

    /** The CPU workers every model gets, and one lane per event loop, warm once a request on it was answered. */
    @Override
    public Resources resources() {
        int warmed = 0;
        for (EventLoopLane lane : lanes) {
            warmed += lane.warmed() ? 1 : 0;
        }
        return new Resources(WorkerPool.SIZE, lanes.length, warmed);
    }

    /** The threads the lanes' loops run on, in lane order. */
    List<Thread> laneThreads() {
        return Arrays.stream(lanes).map(lane -> lane.thread().await()).toList();
    }

    /** A request body as Vert.x sends it, made once from the shape's shared array. */
    private record SharedBody(byte[] source, Buffer buffer) {}

    private volatile SharedBody sharedBody = new SharedBody(new byte[0], Buffer.buffer());

    /**
     * The shape's body as a buffer every request can send at once: copied once from the shared
     * array, then each send writes a slice of it (Vert.x's own indices per write), so no request
     * copies the body, as with the blocking client.
     */
    private Buffer sharedBody(RequestShape shape) {
        byte[] source = shape.body();
        SharedBody current = sharedBody;
        if (current.source() != source) {
            current = new SharedBody(source, Buffer.buffer(source));
            sharedBody = current;
        }
        return current.buffer();
    }

    private static HttpMethod method(RequestShape shape) {
        return shape.method().equals("GET") ? HttpMethod.GET : HttpMethod.valueOf(shape.method());
    }

    @Override
    void launch(BatchRun batch) {
        int limit = batch.options().effectiveLimit(batch.size());
        int shares = mode != IoMode.ASYNC ? 1 : Math.clamp(limit / MIN_IN_FLIGHT_PER_LANE, 1, lanes.length);
        int first = nextLane.getAndIncrement();
        // request i is share (i % shares)'s (see Pump): once answered, that share's lane is warm
        batch.whenAnswered(index -> lanes[Math.floorMod(first + index % shares, lanes.length)].answered());
        for (int share = 0; share < shares; share++) {
            EventLoopLane lane = lanes[Math.floorMod(first + share, lanes.length)];
            Pump pump = new Pump(batch, lane, share, shares, limit / shares + (share < limit % shares ? 1 : 0));
            lane.loop().runOnContext(v -> pump.next());
        }
    }

    /**
     * One lane's share of a batch (requests share, share + shares, ...), confined to its loop: no locks, no blocking.
     */
    private final class Pump {
        private final BatchRun batch;
        private final Context loop;
        private final HttpClient client;
        private final int shares;
        private final int limit;
        private int nextIndex;
        private int inFlight;
        private boolean rescheduled;

        Pump(BatchRun batch, EventLoopLane lane, int share, int shares, int limit) {
            this.batch = batch;
            this.loop = lane.loop();
            this.client = lane.client();
            this.nextIndex = share;
            this.shares = shares;
            this.limit = limit;
        }

        void next() {
            int sentThisTurn = 0;
            while (inFlight < limit && nextIndex < batch.size()) {
                if (sentThisTurn++ == REQUESTS_PER_TURN) {
                    // give the loop back between slices: 10,000 sends in one go would hold it for seconds
                    if (!rescheduled) {
                        rescheduled = true;
                        loop.runOnContext(v -> {
                            rescheduled = false;
                            next();
                        });
                    }
                    return;
                }
                BatchRun.Slot slot = batch.slot(nextIndex);
                nextIndex += shares;
                if (!slot.dispatched()) {
                    slot.cleanedUp();
                    continue;
                }
                inFlight++;
                send(slot).onComplete(done -> {
                    inFlight--;
                    slot.cleanedUp();
                    if (mode == IoMode.BLOCKING_ON_LOOP) {
                        // the blocking call ended before send returned: calling next() here would nest a frame per
                        // request, and a batch of 2,000 overflowed the loop's stack and never ended
                        loop.runOnContext(v -> next());
                    } else {
                        next();
                    }
                });
            }
        }

        private Future<Void> send(BatchRun.Slot slot) {
            return switch (mode) {
                case ASYNC -> sendAsync(slot);
                case BLOCKING_ON_LOOP -> {
                    blockingHttp.execute(
                            slot, batch.options().request(), batch.options().work(), null);
                    yield Future.succeededFuture();
                }
                case BLOCKING_ON_WORKER ->
                    vertx.executeBlocking(
                            () -> {
                                blockingHttp.execute(
                                        slot,
                                        batch.options().request(),
                                        batch.options().work(),
                                        null);
                                return null;
                            },
                            false);
            };
        }

        private Future<Void> sendAsync(BatchRun.Slot slot) {
            ResponseWork work = batch.options().work();
            RequestShape shape = batch.options().request();
            Buffer body = shape.sendsBody() ? sharedBody(shape) : null;
            RequestOptions options = new RequestOptions()
                    .setMethod(method(shape))
                    .setAbsoluteURI(slot.uri().toString());
            shape.headers().forEach(options::putHeader);
            if (body != null && !shape.namesContentType()) {
                options.putHeader(HttpHeaders.CONTENT_TYPE, RequestShape.OCTET_STREAM);
            }
            return client.request(options)
                    .compose(request -> {
                        slot.onAbort(() -> loop.runOnContext(v -> request.reset()));
                        // a request future completes once it has a connection: stamp it now
                        request.putHeader(HttpPolicy.SEND_NANOS_HEADER, HttpPolicy.sendNanosNow());
                        return (body == null ? request.send() : request.send(body))
                                .compose(response -> VertxReplies.read(request, response));
                    })
                    .compose(reply -> afterWork(work).map(reply))
                    .onSuccess(reply -> slot.answered(reply.status(), reply.body()))
                    .onFailure(slot::failed)
                    .mapEmpty();
        }

        private Future<Void> afterWork(ResponseWork work) {
            if (work.isNone()) {
                return Future.succeededFuture();
            }
            if (work.placement() == ResponseWork.Placement.IN_PLACE) {
                work.work().run(); // on the event loop: every other request waits for it
                return Future.succeededFuture();
            }
            return cpuWorkers.executeBlocking(
                    () -> {
                        work.work().run();
                        return null;
                    },
                    false);
        }
    }

    @Override
    void release() {
        if (blockingHttp != null) {
            blockingHttp.close();
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("vertx: the event loop did not stop within 10 s");
        }
    }
}

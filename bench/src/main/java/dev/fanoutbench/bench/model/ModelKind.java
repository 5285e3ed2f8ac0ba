package dev.fanoutbench.bench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ways of calling many slow APIs, by name ({@code "vertx"}, as benchmarks, the command line and
 * the summary write them), with what each can run at once: the lanes of a batch, which decide how
 * many waves of waiting it needs. Four have a library of their own by default (Apache classic for
 * the threads, Vert.x's client for its event loop); {@link #ASYNC} is a library's own non-blocking
 * API and always names its library ({@code async+jdk}).
 */
public enum ModelKind {
    SEQUENTIAL("sequential"),
    THREAD_POOL("thread-pool"),
    VIRTUAL_THREADS("virtual-threads"),
    VERTX("vertx"),
    ASYNC("async");

    private final String id;

    ModelKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known models */
    public static ModelKind named(String id) {
        for (ModelKind kind : values()) {
            if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + id + "'; known: " + String.join(", ", ids()));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ModelKind::id).toList();
    }

    /** The client this model runs when no library is named ({@code async+jdk} for async, else its id). */
    public String defaultClient() {
        return Clients.defaultClient(this);
    }

    /** A model of this kind on its default library (the JDK's for async); a thread pool sized to each batch's limit. */
    public ClientModel create() {
        return create(0);
    }

    /** @param poolSize a thread pool's fixed size (0: sized to each batch's limit); ignored by the other kinds */
    public ClientModel create(int poolSize) {
        return Clients.create(Clients.defaultClient(this), poolSize);
    }

    /**
     * How many of a batch's requests this kind runs at once: one after another for sequential, at
     * most its threads for a fixed pool, the batch's limit for the rest.
     *
     * @param limit    the batch's in-flight limit (its size when unlimited)
     * @param poolSize a fixed pool's threads, 0 when the pool matches the limit
     */
    public int lanes(int limit, int poolSize) {
        return switch (this) {
            case SEQUENTIAL -> 1;
            case THREAD_POOL -> poolSize > 0 ? Math.min(poolSize, limit) : limit;
            case VIRTUAL_THREADS, VERTX, ASYNC -> limit;
        };
    }

    /**
     * The physical best for a batch of {@code requests} calls that each wait {@code delayMillis}:
     * its waves one after another. Every lesson's ideal, the scenario's and the benchmark's, is this.
     *
     * @param limit    the batch's in-flight limit (its size when unlimited)
     * @param poolSize a fixed pool's threads, 0 when the pool matches the limit
     */
    public long idealMillis(int requests, int limit, int poolSize, long delayMillis) {
        return waves(requests, lanes(limit, poolSize)) * delayMillis;
    }

    /** The batch's waits one after another: ceil(requests / lanes). */
    public static int waves(int requests, int lanes) {
        return (requests + lanes - 1) / Math.max(1, lanes);
    }
}

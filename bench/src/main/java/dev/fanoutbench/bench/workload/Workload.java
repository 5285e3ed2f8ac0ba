package dev.fanoutbench.bench.workload;

import dev.fanoutbench.bench.model.ModelKind;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a workload file asks for (see {@link WorkloadFile}): one request, the load it is sent at,
 * phase after phase, and the models that send it.
 *
 * @param warmup how long the first phase's first rate (or concurrency) runs, unrecorded, before
 *               the first window; zero for none
 * @param slo    null when the file sets none
 * @param health a path that must answer 2xx before the run; null for the default check
 */
public record Workload(
        String name,
        String description,
        RequestSpec request,
        List<Phase> load,
        Duration warmup,
        List<ModelKind> models,
        int threadPoolSize,
        Slo slo,
        String health) {

    /** Sequential is left out unless named: at any real rate it only measures its own queue. */
    public static final List<ModelKind> DEFAULT_MODELS = List.of(ModelKind.THREAD_POOL, ModelKind.VIRTUAL_THREADS, ModelKind.VERTX);
    public static final int DEFAULT_THREAD_POOL_SIZE = 200;
    public static final int MAX_THREAD_POOL_SIZE = 20_000;

    public Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(warmup, "warmup");
        description = description == null ? "" : description;
        load = List.copyOf(load);
        models = List.copyOf(models);
        if (load.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one phase");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one model");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative, got " + warmup);
        }
        if (threadPoolSize < 1 || threadPoolSize > MAX_THREAD_POOL_SIZE) {
            throw new IllegalArgumentException("threadPoolSize must be within 1.." + MAX_THREAD_POOL_SIZE + ", got " + threadPoolSize);
        }
    }

    /** The measured windows, in order, indexed from 0 (see {@link Windows}). */
    public List<Window> windows() {
        return Windows.of(load);
    }

    /** The unrecorded window before the first, if {@code warmup} is positive. */
    public Optional<Window> warmupWindow() {
        return Windows.warmup(load.get(0), warmup);
    }
}

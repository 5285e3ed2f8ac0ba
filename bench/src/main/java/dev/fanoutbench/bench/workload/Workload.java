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
 * @param maxInFlight most requests a model may hold in flight before an open window drops the
 *               next one due; 0 derives it from the client JVM's heap and open-file limit
 * @param stopAfterBreaches a model stops after this many open windows in a row breached the SLO
 *               (its remaining windows are reported as not run); 0 runs every window
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
        String health,
        int maxInFlight,
        int stopAfterBreaches) {

    /** Sequential is left out unless named: at any real rate it only measures its own queue. */
    public static final List<ModelKind> DEFAULT_MODELS = List.of(ModelKind.THREAD_POOL, ModelKind.VIRTUAL_THREADS, ModelKind.VERTX);
    public static final int DEFAULT_THREAD_POOL_SIZE = 200;
    public static final int MAX_THREAD_POOL_SIZE = 20_000;
    /** Past two breaches in a row a model has broken, not stalled: a third step only measures its collapse. */
    public static final int DEFAULT_STOP_AFTER_BREACHES = 2;
    public static final int MAX_IN_FLIGHT = 100_000;

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
        if (maxInFlight < 0 || maxInFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("maxInFlight must be within 0.." + MAX_IN_FLIGHT + ", got " + maxInFlight);
        }
        if (stopAfterBreaches < 0) {
            throw new IllegalArgumentException("stopAfterBreaches must not be negative, got " + stopAfterBreaches);
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

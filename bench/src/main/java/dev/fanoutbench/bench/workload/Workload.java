package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fanoutbench.bench.model.Clients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
        List<String> models,
        int threadPoolSize,
        Slo slo,
        String health,
        int maxInFlight,
        int stopAfterBreaches) {

    /** Sequential is left out unless named: at any real rate it only measures its own queue. */
    public static final List<String> DEFAULT_MODELS = List.of("thread-pool", "virtual-threads", "vertx");

    public static final int DEFAULT_THREAD_POOL_SIZE = 200;
    public static final int MAX_THREAD_POOL_SIZE = 20_000;
    /** Past two breaches in a row a model has broken, not stalled: a third step only measures its collapse. */
    public static final int DEFAULT_STOP_AFTER_BREACHES = 2;

    public static final int MAX_IN_FLIGHT = 100_000;
    public static final int MAX_STOP_AFTER_BREACHES = 1_000;
    /** Jackson injects the file's name, the default workload name, under this id. */
    static final String FILE_NAME = "fileName";

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");

    public Workload {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidKey("name", "must be lower-case letters, digits and '-', got '" + name + "'");
        }
        description = description == null ? "" : description;
        if (request == null) {
            throw new InvalidKey("request", "is required");
        }
        if (load == null || load.isEmpty()) {
            throw new InvalidKey("load", "must list at least one phase (closed, constant, ramp or steps)");
        }
        for (int i = 0; i < load.size(); i++) {
            if (load.get(i) == null) {
                throw new InvalidKey("load[" + i + "]", "has no value");
            }
        }
        load = List.copyOf(load);
        if (warmup == null || warmup.isNegative()) {
            throw new InvalidKey("warmup", "must not be negative, got " + warmup);
        }
        if (models == null || models.isEmpty()) {
            throw new InvalidKey("models", "must name at least one model; known: " + String.join(", ", Clients.all()));
        }
        for (int i = 0; i < models.size(); i++) {
            if (models.indexOf(models.get(i)) < i) {
                throw new InvalidKey("models[" + i + "]", "names '" + models.get(i) + "' a second time");
            }
        }
        models = List.copyOf(models);
        InvalidKey.within("threadPoolSize", threadPoolSize, 1, MAX_THREAD_POOL_SIZE);
        if (health != null) {
            RequestSpec.requirePath("health", health);
        }
        InvalidKey.within("maxInFlight", maxInFlight, 0, MAX_IN_FLIGHT);
        InvalidKey.within("stopAfterBreaches", stopAfterBreaches, 0, MAX_STOP_AFTER_BREACHES);
    }

    /**
     * What a file writes, with its defaults; the name defaults to the file's, without its
     * extension, which must then be a name too.
     */
    @JsonCreator
    static Workload bind(
            @JacksonInject(FILE_NAME) String fileName,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("request") RequestSpec request,
            @JsonProperty("load") List<Phase> load,
            @JsonProperty("warmup") Duration warmup,
            @JsonProperty("models") List<String> models,
            @JsonProperty("threadPoolSize") Integer threadPoolSize,
            @JsonProperty("slo") Slo slo,
            @JsonProperty("health") String health,
            @JsonProperty("maxInFlight") Integer maxInFlight,
            @JsonProperty("stopAfterBreaches") Integer stopAfterBreaches) {
        if (name == null) {
            name = fileName.replaceFirst("\\.[^.]*$", "");
            if (!NAME.matcher(name).matches()) {
                throw new InvalidKey(
                        null,
                        "name is missing and the file's name '" + name
                                + "' is not lower-case letters, digits and '-': add a name key");
            }
        }
        List<String> kinds = models == null ? DEFAULT_MODELS : new ArrayList<>();
        for (int i = 0; models != null && i < models.size(); i++) {
            if (!Clients.all().contains(models.get(i))) {
                throw new InvalidKey(
                        "models[" + i + "]",
                        "is not a known model: '" + models.get(i) + "'; known: " + String.join(", ", Clients.all()));
            }
            kinds.add(models.get(i));
        }
        return new Workload(
                name,
                description,
                request,
                load,
                warmup == null ? Duration.ZERO : warmup,
                kinds,
                threadPoolSize == null ? DEFAULT_THREAD_POOL_SIZE : threadPoolSize,
                slo,
                health,
                maxInFlight == null ? 0 : maxInFlight,
                stopAfterBreaches == null ? DEFAULT_STOP_AFTER_BREACHES : stopAfterBreaches);
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

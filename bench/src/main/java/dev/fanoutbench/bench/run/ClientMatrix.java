package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.jmh.BlockingLoopBenchmark;
import dev.fanoutbench.bench.jmh.BoundedBatchBenchmark;
import dev.fanoutbench.bench.jmh.CpuWorkBenchmark;
import dev.fanoutbench.bench.jmh.FanOutBenchmark;
import dev.fanoutbench.bench.jmh.HighConcurrencyBenchmark;
import dev.fanoutbench.bench.jmh.OpenModelBenchmark;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.ModelKind;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Param;

/**
 * Which clients each benchmark runs when the main job is asked for more than its four
 * ({@code -Dbench.clients=all}, or a list): a benchmark keeps the models it was written for (no
 * sequential client at 10,000 in flight), each on every library asked for. JMH applies a
 * parameter to every benchmark of a run alike, so each benchmark becomes a run of its own.
 */
public final class ClientMatrix {

    /** The main job's benchmarks, in the lessons' order. */
    static final List<Class<?>> BENCHMARKS = List.of(
            FanOutBenchmark.class,
            BoundedBatchBenchmark.class,
            BlockingLoopBenchmark.class,
            CpuWorkBenchmark.class,
            HighConcurrencyBenchmark.class,
            OpenModelBenchmark.class);

    private ClientMatrix() {}

    /**
     * Benchmark class (as JMH's include regex) to the clients it runs; an empty list for one without
     * a model parameter (it runs as written).
     *
     * @param clients "all" or comma-separated client names
     * @param include the user's include regex, or blank for every benchmark
     * @throws IllegalArgumentException naming an unknown client, or clients no included benchmark runs
     */
    public static Map<String, List<String>> of(String clients, String include) {
        List<String> asked = clients.equals("all")
                ? Clients.all()
                : Arrays.stream(clients.split(",")).map(String::trim).toList();
        asked.forEach(Clients::kindOf);
        Map<String, List<String>> runs = new LinkedHashMap<>();
        for (Class<?> benchmark : BENCHMARKS) {
            if (!include.isBlank()
                    && !Pattern.compile(include)
                            .matcher(benchmark.getName() + ".")
                            .find()) {
                continue;
            }
            List<String> models = modelsOf(benchmark);
            List<String> chosen = models.isEmpty()
                    ? List.of()
                    : asked.stream()
                            .filter(c -> models.contains(writtenAs(Clients.kindOf(c))))
                            .toList();
            if (models.isEmpty() || !chosen.isEmpty()) {
                runs.put(Pattern.quote(benchmark.getName()) + "\\..*", chosen);
            }
        }
        if (runs.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException(
                    "bench.clients '" + clients + "': no benchmark of this run runs these clients' models");
        }
        return runs;
    }

    /** The async model goes where the event loop goes: the benchmarks were written before it, for the four. */
    private static String writtenAs(ModelKind kind) {
        return kind == ModelKind.ASYNC ? ModelKind.VERTX.id() : kind.id();
    }

    /** The models a benchmark was written for: its {@code model} parameter's values, none if it has none. */
    static List<String> modelsOf(Class<?> benchmark) {
        try {
            return List.of(
                    benchmark.getField("model").getAnnotation(Param.class).value());
        } catch (NoSuchFieldException none) {
            return List.of();
        }
    }
}

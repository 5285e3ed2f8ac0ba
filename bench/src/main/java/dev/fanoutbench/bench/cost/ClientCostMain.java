package dev.fanoutbench.bench.cost;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.bench.run.LoopbackGuard;
import dev.fanoutbench.bench.run.Preset;
import dev.fanoutbench.bench.trial.ServerWatch;
import dev.fanoutbench.bench.trial.TrialFacts;
import dev.fanoutbench.bench.trial.TrialIdentity;
import dev.fanoutbench.bench.trial.TrialRecorder;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One model in a closed loop against a running stub, the way wrk drives it: {@code connections}
 * requests in flight, each answered one followed at once by the next, for a warm-up and then a
 * measured stretch. Prints the measured stretch's throughput and this process's CPU time per
 * request, the figures scripts/client-cost.sh sets beside wrk's. With {@code --harness}, prints
 * the harness's own cost per request instead (the null model's JMH benchmark).
 */
@Command(
        name = "client-cost",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Runs one model in a closed loop against a stub and prints its throughput and CPU per request.")
public final class ClientCostMain implements Callable<Integer> {

    /** Requests per batch: long enough that a batch's ramp-down (one delay) is under 1% of it. */
    static final int MIN_BATCH_SECONDS = 4;

    @Option(names = "--target", description = "base URL of a running mock server")
    URI target;

    @Option(names = "--allow-remote", description = "allow a --target that is not on this machine")
    boolean allowRemote;

    @Option(
            names = "--model",
            description = "a client: thread-pool, virtual-threads or vertx, a thread-based one on"
                    + " another library as MODEL+LIBRARY (virtual-threads+jdk)")
    String model;

    @Option(
            names = "--list-clients",
            description = "print the clients that run concurrently, comma-separated, and exit")
    boolean listClients;

    @Option(names = "--connections", description = "requests in flight, as wrk's -c (default: ${DEFAULT-VALUE})")
    int connections = 10;

    @Option(names = "--delay-ms", description = "the stub's delay per request (default: ${DEFAULT-VALUE})")
    int delayMs = 10;

    @Option(
            names = "--warmup-seconds",
            description = "unmeasured closed loop first: the JIT (default: ${DEFAULT-VALUE})")
    int warmupSeconds = 30;

    @Option(names = "--seconds", description = "the measured stretch (default: ${DEFAULT-VALUE})")
    int seconds = 20;

    @Option(names = "--harness", description = "print the harness's own cost per request and exit")
    boolean harness;

    @Option(
            names = "--recorded",
            description = "record the measured stretch as a benchmark trial does (interval logs,"
                    + " the stub's /stats, JFR's pinning events), after measuring the idle JVM's CPU: the main "
                    + "job's figure, gross"
                    + " and less the idle JVM's")
    boolean recorded;

    public static void main(String[] args) {
        System.exit(Cli.of(new ClientCostMain(), "client-cost", System.err, e -> e instanceof IllegalArgumentException)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (listClients) {
            System.out.println(String.join(
                    ",",
                    Clients.all().stream()
                            .filter(c -> Clients.kindOf(c) != ModelKind.SEQUENTIAL)
                            .toList()));
            return Cli.OK;
        }
        if (harness) {
            Path dir = Files.createTempDirectory("harness-cost");
            double micros = HarnessCost.measure(Preset.DEFAULT, dir).value();
            System.out.printf(Locale.ROOT, "harness us_per_request=%.2f%n", micros);
            return Cli.OK;
        }
        if (target == null || model == null) {
            throw new IllegalArgumentException("--target and --model are required (or --harness)");
        }
        if (connections < 1 || delayMs < 0 || warmupSeconds < 0 || seconds < 1) {
            throw new IllegalArgumentException(
                    "--connections and --seconds must be at least 1, --delay-ms and --warmup-seconds at least 0");
        }
        ModelKind kind = Clients.kindOf(model);
        if (kind == ModelKind.SEQUENTIAL && connections > 1) {
            throw new IllegalArgumentException("sequential runs one request at a time: use --connections 1");
        }
        URI base = LoopbackGuard.require(target, allowRemote, "--allow-remote");
        int batch = Math.min(50_000, Math.max(connections, (int)
                ((long) connections * MIN_BATCH_SECONDS * 1000 / Math.max(1, delayMs))));
        try (ClientModel client = Clients.create(model, 0)) {
            TrialRecorder recorder = recorded
                    ? new TrialRecorder(
                            new TrialIdentity("client-cost-" + client.name(), "ClientCost", client.name(), Map.of()),
                            Files.createTempDirectory("client-cost"),
                            new ServerWatch(base),
                            Duration.ofSeconds(1))
                    : null;
            loop(client, base, batch, Duration.ofSeconds(warmupSeconds), recorder);
            String name = recorded ? client.name() + "-recorded" : client.name();
            if (recorder != null) {
                recorder.iterationStarted(true);
            }
            CostLine line =
                    CostLine.measure(name, () -> loop(client, base, batch, Duration.ofSeconds(seconds), recorder));
            String extra = "";
            if (recorder != null) {
                recorder.iterationEnded();
                recorder.measureBackground(
                        Duration.ofSeconds(2)); // idle, as the main job measures it: after the stretch
                double idle = recorder.backgroundCores();
                // no lesson: this record measures what recording costs and is never summarized
                recorder.finish(
                        new TrialFacts(null, 0, connections, 0, false, false),
                        0,
                        client.resources().summarized());
                extra = String.format(
                        Locale.ROOT,
                        " background_cores=%.4f net_cpu_us_per_request=%.1f",
                        idle,
                        (line.cpuNanos() - idle * line.elapsedNanos()) / 1e3 / Math.max(1, line.requests()));
            }
            System.out.println(line.text() + extra);
            return line.failed() == 0 ? Cli.OK : Cli.FAILED;
        }
    }

    /** Batches of the closed loop until {@code length} has passed. */
    private CostLine.Counts loop(ClientModel client, URI base, int batch, Duration length, TrialRecorder recorder) {
        long end = System.nanoTime() + length.toNanos();
        long requests = 0;
        long failed = 0;
        BatchOptions options = BatchOptions.defaults().withMaxInFlight(connections);
        if (recorder != null) {
            options = options.withLatencies(recorder.latencies());
        }
        int next = 0;
        while (System.nanoTime() < end) {
            List<URI> uris = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                uris.add(base.resolve("/api/items/" + (next++ % 100_000) + "?delayMs=" + delayMs));
            }
            if (recorder != null) {
                recorder.handedOver(uris.size());
            }
            List<Outcome> outcomes = client.run(uris, options);
            if (recorder != null) {
                recorder.returned(outcomes);
            }
            for (Outcome outcome : outcomes) {
                requests++;
                if (!outcome.isSuccess()) {
                    failed++;
                }
            }
            if (failed == requests) {
                throw new IllegalArgumentException(
                        "every request to " + base + " failed: is the mock server running there?");
            }
        }
        return new CostLine.Counts(requests, failed);
    }
}

package dev.fanoutbench.bench.scenario;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.CpuWork;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.ResponseWork;
import dev.fanoutbench.bench.model.VertxEventLoopClient.IoMode;
import dev.fanoutbench.bench.run.LoopbackGuard;
import dev.fanoutbench.bench.trial.ServerClient;
import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Try one scenario by hand and see its outcomes and wall time next to the ideal:
 * {@code java -cp bench/target/bench.jar dev.fanoutbench.bench.scenario.ScenarioMain fan-out --model vertx}.
 * Starts an embedded mock server unless {@code --target} names a running one (loopback only,
 * unless {@code --allow-remote}).
 */
@Command(
        name = "scenario",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Runs one of the lessons (docs/lessons.md) on one or every model against the mock server.")
public final class ScenarioMain implements Callable<Integer> {

    static final List<String> SCENARIOS = List.of(
            "fan-out",
            "bounded",
            "rate-limit",
            "timeout",
            "cancel",
            "failures",
            "first",
            "blocking-loop",
            "cpu",
            "cost",
            "all");

    @Parameters(index = "0", description = "one of: ${COMPLETION-CANDIDATES}", completionCandidates = Names.class)
    String scenario;

    @Option(
            names = "--model",
            description = "a client (a model, or model+library as in virtual-threads+jdk), a comma-separated list, or"
                    + " all: every model on its default library (default: all)")
    String model = "all";

    @Option(names = "--target", description = "base URL of a running mock server (default: start one in-process)")
    URI target;

    @Option(names = "--allow-remote", description = "allow a --target that is not on this machine")
    boolean allowRemote;

    @Option(names = "--in-flight", description = "requests in flight for 'cost' (default: ${DEFAULT-VALUE})")
    int inFlight = 1_000;

    @Option(names = "--verbose", description = "print every outcome")
    boolean verbose;

    static final class Names extends ArrayList<String> {
        Names() {
            super(SCENARIOS);
        }
    }

    public static void main(String[] args) {
        System.exit(Cli.of(new ScenarioMain(), "scenario", System.err, e -> e instanceof IllegalArgumentException)
                .execute(args));
    }

    /**
     * An embedded stub holds the server's end of every connection in this process too: two file
     * descriptors per request in flight. Past the limit, connections fail in the middle of a run.
     */
    private static void requireDescriptorsForBothEnds(int connections) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long needed = 2L * connections + 1_000;
            if (needed > unix.getMaxFileDescriptorCount()) {
                throw new IllegalArgumentException(
                        "--in-flight " + connections + " with the stub in this process needs about "
                                + needed + " open files, and the limit is " + unix.getMaxFileDescriptorCount()
                                + ": start the stub on its"
                                + " own (java -jar mock-server/target/mock-server.jar --port 0) and pass "
                                + "--target, or raise ulimit -n");
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException(
                    "unknown scenario '" + scenario + "'; known: " + String.join(", ", SCENARIOS));
        }
        if (inFlight < 1 || inFlight > CostPerModel.MAX_IN_FLIGHT) {
            throw new IllegalArgumentException(
                    "--in-flight must be from 1 to " + CostPerModel.MAX_IN_FLIGHT + ", got " + inFlight);
        }
        // a bad name fails here, before any work
        List<String> models = model.equals("all")
                ? Arrays.stream(ModelKind.values())
                        .map(ModelKind::defaultClient)
                        .toList()
                : Arrays.stream(model.split(",")).map(String::trim).toList();
        models.forEach(Clients::kindOf);
        MockServer embedded = null;
        URI base = target;
        if (base == null) {
            requireDescriptorsForBothEnds(scenario.equals("cost") || scenario.equals("all") ? inFlight : 0);
            embedded = MockServer.start(MockServerSettings.defaults());
            base = embedded.baseUri();
        } else {
            base = LoopbackGuard.require(base, allowRemote, "--allow-remote");
        }
        // the same /stats over HTTP whether the server is embedded or not
        try (ServerClient stats = new ServerClient(base)) {
            List<String> scenarios =
                    scenario.equals("all") ? SCENARIOS.subList(0, SCENARIOS.size() - 1) : List.of(scenario);
            for (String name : scenarios) {
                for (ScenarioResult result : run(name, models, base, stats)) {
                    System.out.println(result.summary());
                    if (verbose) {
                        result.outcomes()
                                .forEach(o -> System.out.println("  " + o.index() + " " + o.kind() + " "
                                        + o.uri().getPath() + " " + o.detail().replaceAll("\\s+", " ")));
                    }
                }
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        return 0;
    }

    private List<ScenarioResult> run(String name, List<String> models, URI base, ServerClient stats) throws Exception {
        List<ScenarioResult> results = new ArrayList<>();
        if (name.equals("blocking-loop")) {
            results.add(BlockingTheEventLoop.run(IoMode.BLOCKING_ON_LOOP, base));
            results.add(BlockingTheEventLoop.run(IoMode.BLOCKING_ON_WORKER, base));
            return results;
        }
        CpuWork work = name.equals("cpu") ? CpuWork.calibrated(CpuBoundWork.CPU_PER_RESPONSE) : CpuWork.NONE;
        for (String clientName : models) {
            ModelKind kind = Clients.kindOf(clientName);
            if (skip(name, kind)) {
                System.out.println("cost on sequential: skipped (" + inFlight + " x 1 s one at a time)");
                continue;
            }
            stats.reset();
            try (ClientModel client = Clients.create(clientName, 0)) {
                WarmUp.run(client, base);
                stats.reset();
                switch (name) {
                    case "fan-out" -> results.add(FanOutToSlowApi.run(client, base));
                    case "bounded" -> results.add(BoundedConcurrency.run(client, base, stats::stats));
                    case "rate-limit" -> {
                        results.add(BoundedConcurrencyAvoids429.run(
                                client, base, BoundedConcurrencyAvoids429.SERVER_LIMIT));
                        results.add(BoundedConcurrencyAvoids429.run(client, base, 0));
                    }
                    case "timeout" -> results.add(TimeoutReleasesConnection.run(client, base));
                    case "cancel" -> results.add(CancellationReleasesConnections.run(client, base));
                    case "failures" -> results.add(FailuresKeptInOrder.run(client, base));
                    case "first" -> results.add(FirstCompletedWins.run(client, base));
                    case "cpu" -> {
                        results.add(CpuBoundWork.run(client, base, work, ResponseWork.Placement.IN_PLACE));
                        results.add(CpuBoundWork.run(client, base, work, ResponseWork.Placement.WORKER_POOL));
                    }
                    case "cost" -> results.add(CostPerModel.run(client, base, inFlight));
                    default -> throw new IllegalArgumentException("unknown scenario '" + name + "'");
                }
            }
        }
        return results;
    }

    /** Sequential at 1,000 x 1 s would take 17 minutes: not a lesson worth the wait. */
    private boolean skip(String name, ModelKind kind) {
        return name.equals("cost") && kind == ModelKind.SEQUENTIAL && inFlight > 10;
    }
}

package dev.fanoutbench.bench;

import dev.fanoutbench.bench.cost.HarnessCost;
import dev.fanoutbench.bench.generator.GeneratorRole;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.HttpPolicy;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.run.ClientMatrix;
import dev.fanoutbench.bench.run.CpuSplit;
import dev.fanoutbench.bench.run.EnvironmentCapture;
import dev.fanoutbench.bench.run.JmhLaunch;
import dev.fanoutbench.bench.run.LoopbackGuard;
import dev.fanoutbench.bench.run.Preset;
import dev.fanoutbench.bench.run.Ran;
import dev.fanoutbench.bench.run.RecordingInterval;
import dev.fanoutbench.bench.run.RunFolder;
import dev.fanoutbench.bench.run.RunLock;
import dev.fanoutbench.bench.run.StubWarmUp;
import dev.fanoutbench.bench.run.SummaryBuilder;
import dev.fanoutbench.bench.run.WorkloadForks;
import dev.fanoutbench.bench.run.WorkloadHealth;
import dev.fanoutbench.bench.trial.BenchTarget;
import dev.fanoutbench.bench.trial.ServerClient;
import dev.fanoutbench.bench.workload.Workload;
import dev.fanoutbench.bench.workload.WorkloadFile;
import dev.fanoutbench.reports.RunVerdict;
import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.CommandWords;
import dev.fanoutbench.results.DurationText;
import dev.fanoutbench.results.Environments;
import dev.fanoutbench.results.ParentWatch;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Sla;
import dev.fanoutbench.results.Summaries;
import dev.fanoutbench.results.Version;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A run from start to verdict, in one process: the main job behind {@code mvn verify -Pbench},
 * {@code bench.jar run} and the scripts. Starts the mock server in its own JVM (or checks the one
 * named by {@code -Dbench.target}), runs the JMH benchmarks of every model against it (or a
 * workload's models on the load drivers, a JVM each), stops the server even on failure or Ctrl-C,
 * writes the run folder {@code reports/runs/<timestamp>-<sha>/} (atomically; {@code latest}
 * points to it, for people), then its report, verdicts and exit code ({@link RunVerdict}), all
 * under the run lock.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Runs the benchmarks (or a workload) of every client model against the mock server, then writes"
                + " the run's report and exits with its verdict.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--mock-server-jar", description = "the shaded mock-server jar (started on a free loopback port)")
    Path mockServerJar;

    @Option(names = "--project-dir", description = "the checkout (for git and reports/runs; default: .)")
    Path projectDir = Path.of(".");

    @Option(names = "--preset", description = "quick (< 2 min), default (< 10 min) or full")
    String preset = "default";

    @Option(names = "--include", description = "regular expression of benchmarks to run (default: all)")
    String include = "";

    @Option(names = "--jmh", description = "JMH options passed through, e.g. \"-f 2 -p delayMs=100\"")
    String jmh = "";

    @Option(names = "--target", description = "base URL of a running mock server instead of starting one")
    String target = "";

    @Option(names = "--allow-remote", arity = "0..1", description = "allow a --target that is not on this machine")
    boolean allowRemote;

    @Option(
            names = "--interval",
            description = "how often each trial records its latency, throughput and in-flight,"
                    + " e.g. 500ms or 2s (default: ${DEFAULT-VALUE})")
    String interval = "1s";

    @Option(
            names = "--mock-server-args",
            description = "flags for the mock server this job starts, e.g."
                    + " \"--extra-delay-percent 10\" to simulate a slower dependency")
    String mockServerArgs = "";

    @Option(
            names = "--cpus",
            description = "STUB:CLIENT CPU lists (taskset), e.g. 0:1: the stub and the client on separate"
                    + " CPUs (default: both share every CPU)")
    String cpus = "";

    @Option(
            names = "--clients",
            description = "all, or a list of clients (virtual-threads+jdk,...): each benchmark runs every one of"
                    + " them whose model it was written for, instead of its four default clients")
    String clients = "";

    @Option(
            names = "--workload",
            description = "a workload file (workloads/*.yaml): run it on each of its models instead"
                    + " of the fixed benchmarks")
    String workload = "";

    @Option(names = "--models", description = "with --workload: only these models (comma-separated ids)")
    String models = "";

    @Option(
            names = "--trial-index",
            description = "with --workload: only the trial of this index (0-based) in its list of models, as one"
                    + " pod of a Kubernetes Indexed Job runs (JOB_COMPLETION_INDEX)")
    Integer trialIndex;

    @Option(
            names = "--generator",
            description = "with --workload: send generator I of N's slice of each trial (N processes, each on a host"
                    + " or source address of its own), all meeting at --barrier before each window")
    String generator = "";

    @Option(names = "--barrier", description = "HOST:PORT where generator 0 serves the generators' barrier")
    String barrier = "";

    @Option(
            names = "--meeting-patience",
            description = "how long generators wait for one another before a window, e.g. 30s (default: the longest"
                    + " window, its timeout and a minute)")
    String meetingPatience = "";

    @Option(
            names = "--source-address",
            description = "the local address every client connects from, e.g. 127.0.0.2 (one of several generators on"
                    + " one machine)")
    String sourceAddress = "";

    @Option(names = "--runs-dir", description = "where run folders go (default: the checkout's reports/runs)")
    Path runsDir;

    @Option(
            names = "--sla",
            description =
                    "SLA rules like \"fanout.vertx.p99 < 250ms\", or @FILE: checked at the end, a" + " breach exits 99")
    String sla = "";

    @Option(
            names = "--allow-failures",
            arity = "0..1",
            description = "exit 0 even if a self-check failed (the report" + " still says so at the top)")
    boolean allowFailures;

    @Option(
            names = "--exit-with-parent",
            arity = "0..1",
            description = "end when the process that started this one ends"
                    + " (Maven passes it: a killed build must not leave a run behind)")
    boolean exitWithParent;

    /** The workload file, read once before anything starts; null for the fixed benchmarks. */
    private Workload plan;

    private Path planFile;
    private List<String> planModels;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the main job to its verdict; returns the exit code: 0 passed, 1 failed, 2 bad input, 99 SLA breached. */
    static int run(String... args) {
        return Cli.of(new BenchMain(), "bench", System.err, e -> e instanceof IllegalArgumentException)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> ParentWatch.start(parent.pid()));
        }
        // everything typed is checked before anything is started or written
        Preset chosen = Preset.named(preset);
        Duration period = RecordingInterval.parse(interval);
        JmhLaunch.check(include, jmh);
        if (!clients.isBlank()) {
            if (!workload.isBlank()) {
                throw new IllegalArgumentException(
                        "bench.clients applies to the benchmarks; a workload's clients are its"
                                + " models: -Dbench.models=all or a list");
            }
            if (jmh.matches(".*-p\\s+model=.*")) {
                throw new IllegalArgumentException(
                        "bench.clients and bench.jmh's -p model=... both choose the clients:" + " use one");
            }
            ClientMatrix.of(clients, include);
        }
        if (!workload.isBlank()) {
            if (!include.isBlank() || !jmh.isBlank()) {
                throw new IllegalArgumentException(
                        "bench.include and bench.jmh apply to the JMH benchmarks: a workload runs"
                                + " on the load drivers, not in JMH");
            }
            Path file = workloadFile();
            plan = WorkloadFile.read(file);
            planFile = file;
            planModels = workloadModels();
            if (trialIndex != null) {
                if (trialIndex < 0 || trialIndex >= planModels.size()) {
                    throw new IllegalArgumentException("--trial-index " + trialIndex + " is not one of this workload's "
                            + planModels.size() + " trials (0 to " + (planModels.size() - 1) + ")");
                }
                planModels = List.of(planModels.get(trialIndex));
            }
            System.out.println("bench: workload " + plan.name() + " (" + file + "): "
                    + plan.windows().size() + " windows on " + String.join(", ", planModels));
        } else if (!models.isBlank() || trialIndex != null || !generator.isBlank()) {
            throw new IllegalArgumentException("--models, --trial-index and --generator apply to a --workload run");
        }
        Map<String, String> forkProperties = generatorProperties();
        Sla.parse(sla);
        CpuSplit split = CpuSplit.parse(cpus);
        if (split != null) {
            CpuSplit.requireTaskset();
        }
        URI external = null;
        List<URI> externals = new ArrayList<>();
        if (!target.isBlank()) {
            if (!mockServerArgs.isBlank()) {
                throw new IllegalArgumentException(
                        "--mock-server-args applies to the server this job starts, not to --target");
            }
            for (String one : target.split(",")) {
                URI uri = LoopbackGuard.require(
                        URI.create(one.strip().endsWith("/") ? one.strip() : one.strip() + "/"),
                        allowRemote,
                        "-Dbench.allowRemote=true");
                external = external == null ? uri : external;
                externals.add(uri);
            }
            if (externals.size() > 1 && plan == null) {
                throw new IllegalArgumentException("several targets apply to a workload run (its requests spread over"
                        + " them); the JMH benchmarks take one");
            }
            if (split != null) {
                throw new IllegalArgumentException("bench.cpus pins the stub this job starts; with a target, start the"
                        + " target and mvn under taskset yourself");
            }
        } else if (mockServerJar == null) {
            throw new IllegalArgumentException("pass --mock-server-jar or --target");
        }
        Path root = projectDir.toAbsolutePath().normalize();
        try (RunLock lock = RunLock.acquire(runs(root))) {
            if (external != null) {
                return run(
                        chosen,
                        externals,
                        period,
                        Map.of(
                                "external",
                                String.join(
                                        ",",
                                        externals.stream().map(URI::toString).toList())),
                        forkProperties);
            }
            String[] serverArgs = CommandWords.split(mockServerArgs).toArray(String[]::new);
            try (MockServerProcess server = MockServerProcess.start(
                    mockServerJar, split == null ? List.of() : split.stubPrefix(), serverArgs)) {
                System.out.println("bench: mock server (pid " + server.pid() + ") at " + server.baseUri()
                        + (serverArgs.length == 0 ? "" : " with " + String.join(" ", serverArgs))
                        + (split == null
                                ? ""
                                : ", on CPU " + split.stub() + "; the harness and its forks on CPU " + split.client()));
                if (split != null) {
                    split.pinThisProcess();
                }
                Map<String, Object> started = new LinkedHashMap<>();
                started.put("jar", mockServerJar.toString());
                started.put("args", String.join(" ", serverArgs));
                if (split != null) {
                    started.put("cpus", split.stub());
                }
                return run(chosen, List.of(server.baseUri()), period, started, forkProperties);
            }
        }
    }

    /** What every trial's JVM is told of its place among the generators and where it connects from; checked here. */
    private Map<String, String> generatorProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (!generator.isBlank()) {
            GeneratorRole role = GeneratorRole.parse(generator, barrier);
            if (!role.alone() && target.isBlank()) {
                throw new IllegalArgumentException("--generator " + role + " needs --target: the generators of a trial"
                        + " send to the same stubs, which generator 0 reads for all of them");
            }
            if (!role.alone()) {
                properties.put(BenchTarget.GENERATOR, role.toString());
                properties.put(BenchTarget.BARRIER, role.barrier());
                // not resolved: generator 0's own name may not be in DNS until its pod runs, which it does now
                if (!role.host().matches("localhost|127(\\.\\d{1,3}){3}")) {
                    if (!allowRemote) {
                        throw new IllegalArgumentException("--barrier " + role.barrier() + " is not on this machine:"
                                + " generators on other hosts need --allow-remote (generator 0 then listens on every"
                                + " interface)");
                    }
                    properties.put(BenchTarget.BARRIER_ANY_INTERFACE, "true");
                }
            }
        } else if (!barrier.isBlank()) {
            throw new IllegalArgumentException("--barrier applies with --generator I/N");
        }
        if (!meetingPatience.isBlank()) {
            if (generator.isBlank()) {
                throw new IllegalArgumentException("--meeting-patience applies with --generator I/N");
            }
            Duration patience;
            try {
                patience = DurationText.parse(meetingPatience, List.of("ms", "s", "m"));
            } catch (BadInputException e) {
                throw new IllegalArgumentException("--meeting-patience: " + e.getMessage());
            }
            if (patience.toSeconds() < 1) {
                throw new IllegalArgumentException("--meeting-patience must be at least 1s, got " + meetingPatience);
            }
            properties.put(BenchTarget.MEETING_PATIENCE_MILLIS, Long.toString(patience.toMillis()));
        }
        if (!sourceAddress.isBlank()) {
            if (planModels == null) {
                throw new IllegalArgumentException("--source-address applies to a --workload run");
            }
            InetAddress source = resolve(sourceAddress, "--source-address");
            try (Socket probe = new Socket()) {
                probe.bind(new InetSocketAddress(source, 0));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "--source-address " + sourceAddress + " is not an address of this machine: " + e.getMessage());
            }
            for (String model : planModels) {
                if (!Clients.builtIn(model)) {
                    throw new IllegalArgumentException("--source-address: " + model + "'s library is not one of this"
                            + " build's, which are the ones known to connect from it");
                }
            }
            properties.put(HttpPolicy.SOURCE_ADDRESS, source.getHostAddress());
        }
        return properties;
    }

    private static InetAddress resolve(String host, String option) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + ": unknown host '" + host + "'");
        }
    }

    private static String host() {
        String node = System.getenv("NODE_NAME");
        if (node != null && !node.isBlank()) {
            return node;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Where run folders go: as given, or the checkout's reports/runs. */
    private Path runs(Path root) {
        return runsDir != null
                ? runsDir.toAbsolutePath().normalize()
                : root.resolve("reports").resolve("runs");
    }

    /** As given, or else from the checkout: Maven runs this job in bench/, the user named it from the top. */
    private Path workloadFile() {
        Path given = Path.of(workload);
        Path file = given.isAbsolute() || Files.exists(given) ? given : projectDir.resolve(given);
        return file.toAbsolutePath().normalize();
    }

    /** The models to run the workload on: the file's, or those asked for. */
    private List<String> workloadModels() {
        List<String> chosenModels = plan.models();
        if (!models.isBlank()) {
            chosenModels = models.equals("all")
                    ? Clients.all()
                    : Arrays.stream(models.split(",")).map(String::trim).toList();
            chosenModels.forEach(Clients::kindOf); // an unknown model or library is one line, before anything starts
        }
        boolean oneBatch = plan.windows().stream().allMatch(w -> !w.open() && w.duration() == null);
        boolean sequential = chosenModels.stream().anyMatch(m -> Clients.kindOf(m) == ModelKind.SEQUENTIAL);
        if (models.equals("all")) {
            chosenModels = chosenModels.stream()
                    .filter(m -> oneBatch || Clients.kindOf(m) != ModelKind.SEQUENTIAL)
                    .toList();
        } else if (sequential && !oneBatch) {
            throw new IllegalArgumentException(
                    "models: sequential runs one batch at a time, and an open or timed phase sends"
                            + " each request as a batch of its own, so it would not be sequential; use "
                            + "thread-pool with threadPoolSize: 1");
        }
        return chosenModels;
    }

    private int run(
            Preset chosen,
            List<URI> bases,
            Duration period,
            Map<String, Object> mockServer,
            Map<String, String> forkProperties)
            throws Exception {
        URI base = bases.get(0);
        String targets = String.join(",", bases.stream().map(URI::toString).toList());
        Map<String, Object> server = new LinkedHashMap<>(mockServer);
        boolean stats = true;
        for (URI each : bases) {
            try (ServerClient health = new ServerClient(each)) {
                server.put("settings", health.stats().settings());
            } catch (RuntimeException e) {
                if (plan == null) {
                    throw new IllegalArgumentException(
                            "target " + each + " does not answer as a fanout-bench mock server: " + e.getMessage(), e);
                }
                // any target will do for a workload: its own health request instead, and no server-side numbers
                WorkloadHealth.require(plan, each);
                server.put("settings", "not measured: " + each + " has no fanout-bench /stats");
                stats = false;
            }
        }
        Path root = projectDir.toAbsolutePath().normalize();
        RunFolder folder = RunFolder.create(runs(root), EnvironmentCapture.shortSha(root));
        String runs = plan == null ? "preset " + chosen.name() : "workload " + plan.name();
        System.out.println("bench: " + runs + ", writing " + folder.working());
        boolean follower = !generator.isBlank() && !generator.startsWith("0/");
        String warmUp = follower
                ? "warmed by generator 0"
                : stats
                        ? String.join("; ", bases.stream().map(StubWarmUp::warm).toList())
                        : "not warmed: " + targets + " is not a fanout-bench stub; a cold server is"
                                + " measured as a slower one, so warm it before comparing runs";
        System.out.println("bench: target " + warmUp);
        RunSummary.Score harness = null;
        Ran ran;
        if (plan == null) {
            List<JmhLaunch> launches = new ArrayList<>();
            if (clients.isBlank()) {
                launches.add(JmhLaunch.of(chosen, include, jmh, base, folder.working(), period, stats));
            } else {
                for (Map.Entry<String, List<String>> run :
                        ClientMatrix.of(clients, include).entrySet()) {
                    String models = run.getValue().isEmpty() ? "" : " -p model=" + String.join(",", run.getValue());
                    launches.add(
                            JmhLaunch.of(chosen, run.getKey(), jmh + models, base, folder.working(), period, stats));
                }
            }
            System.out.println("bench: first, what the harness itself costs per request (no I/O, about 10 s)");
            harness = HarnessCost.measure(chosen, folder.working());
            System.out.printf(Locale.ROOT, "bench: the harness costs %.2f us per request%n", harness.value());
            ran = launches.size() == 1 ? launches.get(0).run() : JmhLaunch.runAll(launches, folder.working());
        } else {
            ran = WorkloadForks.run(planFile, planModels, targets, folder.working(), period, stats, forkProperties);
        }

        RunSummary summary = SummaryBuilder.build(
                        folder.id(), plan == null ? chosen.name() : runs, targets, harness, ran, folder.working())
                .withTargetWarmUp(warmUp);
        Summaries.write(summary, folder.working().resolve("summary.json"));
        Map<String, Object> settings = new LinkedHashMap<>();
        if (plan == null) {
            settings.put("preset", chosen);
            settings.put("include", include.isBlank() ? JmhLaunch.ALL : include);
            settings.put("jmh", jmh);
            settings.put("clients", clients.isBlank() ? "default" : clients);
        } else {
            settings.put("workload", workload);
            settings.put("models", planModels);
            if (!generator.isBlank()) {
                settings.put("generator", generator);
            }
            if (!sourceAddress.isBlank()) {
                settings.put("sourceAddress", sourceAddress);
            }
        }
        settings.put("intervalMillis", period.toMillis());
        settings.put("cpus", cpus.isBlank() ? "shared" : cpus);
        // which machine ran it: a pod's node (NODE_NAME, from the downward API) when there is one
        settings.put("host", host());
        Environments.write(
                EnvironmentCapture.capture(root, settings, server),
                folder.working().resolve("environment.json"));
        Path done = folder.complete();

        System.out.println("bench: " + summary.trials().size() + " trials, "
                + summary.failures().size() + " self-check failures; results in " + done);
        // this run's folder, named rather than found through `latest`: a run started next cannot give this one its
        // verdict
        return RunVerdict.give(done, sla, allowFailures);
    }
}

package dev.fanoutbench.bench;

import dev.fanoutbench.bench.jmh.ServerClient;
import dev.fanoutbench.bench.run.Environment;
import dev.fanoutbench.bench.run.JmhLaunch;
import dev.fanoutbench.bench.run.LoopbackGuard;
import dev.fanoutbench.bench.run.Preset;
import dev.fanoutbench.bench.run.RunFolder;
import dev.fanoutbench.bench.run.RunSummary;
import dev.fanoutbench.bench.run.SummaryBuilder;
import dev.fanoutbench.bench.run.SummaryPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job behind {@code mvn verify -Pbench}: starts the mock server in its own JVM (or checks
 * the one named by {@code -Dbench.target}), runs the JMH benchmarks of every model against it,
 * stops the server even on failure or Ctrl-C, and writes the run folder
 * {@code reports/runs/<timestamp>-<sha>/} (atomically; {@code latest} points to it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the JMH benchmarks of every client model against the mock server.")
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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the main job; returns the exit code: 0 done, 1 failed, 2 bad input. */
    static int run(String... args) {
        return Cli.of(new BenchMain(), "bench", System.err, e -> e instanceof IllegalArgumentException).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Preset chosen = Preset.named(preset);
        if (!target.isBlank()) {
            URI base = URI.create(target.endsWith("/") ? target : target + "/");
            LoopbackGuard.require(base, allowRemote, "-Dbench.allowRemote=true");
            return run(chosen, base, Map.of("external", base.toString()));
        }
        if (mockServerJar == null) {
            throw new IllegalArgumentException("pass --mock-server-jar or --target");
        }
        try (MockServerProcess server = MockServerProcess.start(mockServerJar)) {
            Thread stopOnCtrlC = new Thread(server::close, "mock-server-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            System.out.println("bench: mock server (pid " + server.pid() + ") at " + server.baseUri());
            try {
                return run(chosen, server.baseUri(), Map.of("jar", mockServerJar.toString(), "args", "--port 0 (defaults)"));
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            }
        }
    }

    private int run(Preset chosen, URI base, Map<String, Object> mockServer) throws Exception {
        try (ServerClient health = new ServerClient(base)) {
            health.stats(); // fails with a clear message if nothing (or not our server) answers there
        }
        Path root = projectDir.toAbsolutePath().normalize();
        RunFolder folder = RunFolder.create(root.resolve("reports").resolve("runs"), Environment.shortSha(root));
        Options options = JmhLaunch.options(chosen, include, jmh, base, folder.working());
        System.out.println("bench: preset " + chosen.name() + ", writing " + folder.working());
        Collection<RunResult> results = new Runner(options).run();

        RunSummary summary = SummaryBuilder.build(folder.id(), chosen.name(), base.toString(), results, folder.working());
        SummaryBuilder.write(summary, folder.working().resolve("summary.json"));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("preset", chosen);
        settings.put("include", include.isBlank() ? JmhLaunch.ALL : include);
        settings.put("jmh", jmh);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(
                folder.working().resolve("environment.json").toFile(), Environment.capture(root, settings, mockServer));
        Path done = folder.complete();

        System.out.println();
        SummaryPrinter.print(summary, System.out);
        System.out.println();
        System.out.println("bench: results in " + done);
        return 0;
    }
}

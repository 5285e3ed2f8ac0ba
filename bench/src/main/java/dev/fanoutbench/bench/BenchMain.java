package dev.fanoutbench.bench;

import dev.fanoutbench.bench.scenario.ScenarioMain;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job behind {@code mvn verify -Pbench}: starts the mock server out of process, runs
 * every lesson's scenario on every model against it, and stops the server even on failure or
 * Ctrl-C. (The JMH benchmarks and the run folder come next, on the same server handling.)
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Runs the lessons against an out-of-process mock server.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--mock-server-jar", required = true, description = "the shaded mock-server jar")
    Path mockServerJar;

    @Option(names = "--scenario", description = "one scenario, or all (default: ${DEFAULT-VALUE})")
    String scenario = "all";

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchMain());
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("bench: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, parsed, result) -> {
            System.err.println("bench: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        try (MockServerProcess server = MockServerProcess.start(mockServerJar)) {
            Thread stopOnCtrlC = new Thread(server::close, "mock-server-stop");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            System.out.println("bench: mock server (pid " + server.pid() + ") at " + server.baseUri());
            int exit = new CommandLine(new ScenarioMain()).execute(scenario, "--target", server.baseUri().toString());
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            return exit;
        }
    }
}

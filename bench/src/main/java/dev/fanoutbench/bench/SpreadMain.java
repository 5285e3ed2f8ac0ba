package dev.fanoutbench.bench;

import dev.fanoutbench.bench.run.JvmFlags;
import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import dev.fanoutbench.results.Version;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench.jar spread WORKLOAD --generators N}: one workload sent twice at the same stub, once by one load
 * generator and once by N (processes of their own, each with a pod's environment and a source address of its own,
 * 127.0.0.2 and up), the N merged, and each window of both printed side by side: what a trial of several
 * generators gives compared with one, on this machine.
 */
@Command(
        name = "bench.jar spread",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Sends a workload from one load generator, then from N merged into one trial, against the same"
                + " stub, and prints each window of both side by side.")
public final class SpreadMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "a workload file of one model")
    Path workload;

    @Option(names = "--generators", description = "load generators of the second run (default: ${DEFAULT-VALUE})")
    int generators = 3;

    @Option(names = "--model", description = "the model, when the file names several")
    String model = "";

    @Option(names = "--out", description = "where the runs go (default: reports/spread/<time>)")
    Path out;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The exit code, without exiting: 0 the merged run passed its self-checks, 1 not, 2 bad input. */
    static int run(String... args) {
        return Cli.of(new SpreadMain(), "bench.jar spread", System.err, e -> e instanceof BadInputException)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(workload)) {
            throw new BadInputException(workload + ": no such file");
        }
        if (generators < 2 || generators > 200) {
            throw new BadInputException("--generators must be from 2 to 200 (127.0.0.2 and up), got " + generators);
        }
        Path root = checkout();
        Path stubJar = root.resolve("mock-server/target/mock-server.jar");
        if (!Files.isRegularFile(stubJar)) {
            throw new BadInputException(stubJar + " is missing: run 'mvn -B package -DskipTests' first");
        }
        Path folder = (out != null
                        ? out
                        : root.resolve("reports/spread")
                                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))))
                .toAbsolutePath();
        Files.createDirectories(folder);
        try (MockServerProcess stub = MockServerProcess.start(stubJar)) {
            String target = stub.baseUri().toString();
            System.out.println("spread: stub at " + target + "; first one generator, then " + generators);
            Process one = start(List.of("--out=" + folder.resolve("one")), target, -1, 0);
            if (one.waitFor() != 0) {
                System.err.println("spread: the one-generator run failed (exit " + one.exitValue() + ")");
                return 1;
            }
            int barrier;
            try (ServerSocket free = new ServerSocket(0)) {
                barrier = free.getLocalPort();
            }
            List<Process> parts = new ArrayList<>();
            for (int i = 0; i < generators; i++) {
                parts.add(start(
                        List.of("--out=" + folder.resolve("part-" + i), "--source-address=127.0.0." + (2 + i)),
                        target,
                        i,
                        barrier));
            }
            List<String> merge = new ArrayList<>(List.of("--out=" + folder.resolve("merged"), "--expect=1"));
            for (int i = 0; i < generators; i++) {
                int exit = parts.get(i).waitFor();
                Path part = folder.resolve("part-" + i).resolve("latest");
                if (Files.exists(part)) {
                    merge.add(part.toString());
                } else {
                    System.err.println("spread: generator " + i + " wrote no run (exit " + exit + ")");
                }
            }
            int merged = MergeMain.run(merge.toArray(String[]::new));
            if (Files.exists(folder.resolve("merged/latest"))) {
                print(folder.resolve("one/latest"), folder.resolve("merged/latest"));
            }
            System.out.println("spread: runs in " + folder);
            return merged;
        }
    }

    /** A generator's process: {@code index} -1 for the one that sends it all. */
    private Process start(List<String> options, String target, int index, int barrier) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.forThisJdk());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchJarMain.class.getName());
        command.add("run");
        command.add(workload.toAbsolutePath().toString());
        command.add("--target=" + target);
        command.add("--exit-with-parent");
        if (!model.isBlank()) {
            command.add("--model=" + model);
        }
        command.addAll(options);
        ProcessBuilder process = new ProcessBuilder(command).inheritIO();
        if (index >= 0) {
            // what a pod of an Indexed Job is given
            process.environment().put("JOB_COMPLETION_INDEX", Integer.toString(index));
            process.environment().put("FANOUT_GENERATORS", Integer.toString(generators));
            process.environment().put("FANOUT_BARRIER", "127.0.0.1:" + barrier);
        } else {
            process.environment().remove("FANOUT_GENERATORS");
        }
        return process.start();
    }

    private void print(Path one, Path merged) throws IOException {
        RunSummary.Trial a = only(one);
        RunSummary.Trial b = only(merged);
        System.out.printf(
                Locale.ROOT,
                "%n%-26s %28s   %28s%n%-26s %9s %8s %9s   %9s %8s %9s%n",
                a.model(),
                "one generator",
                generators + " generators, merged",
                "window",
                "completed",
                "p50 ms",
                "p99 ms",
                "completed",
                "p50 ms",
                "p99 ms");
        List<RunSummary.LoadWindow> windows = a.load().windows();
        for (int i = 0; i < Math.max(a.iterations().size(), b.iterations().size()); i++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-26s %s   %s%n",
                    i < windows.size() ? windows.get(i).label() : "window " + (i + 1),
                    cells(a, i),
                    cells(b, i));
        }
        System.out.printf(
                Locale.ROOT,
                "%-26s %9d %8.1f %9.1f   %9d %8.1f %9.1f%n",
                "whole trial",
                a.response().count(),
                a.response().p50() / 1000.0,
                a.response().p99() / 1000.0,
                b.response().count(),
                b.response().p50() / 1000.0,
                b.response().p99() / 1000.0);
    }

    private static String cells(RunSummary.Trial trial, int window) {
        if (window >= trial.iterations().size()) {
            return String.format(Locale.ROOT, "%28s", "not run");
        }
        RunSummary.Iteration it = trial.iterations().get(window);
        return String.format(
                Locale.ROOT, "%9d %8.1f %9.1f", it.completed(), it.p50Micros() / 1000.0, it.p99Micros() / 1000.0);
    }

    private static RunSummary.Trial only(Path run) throws IOException {
        List<RunSummary.Trial> trials =
                Summaries.read(run.resolve("summary.json")).trials();
        if (trials.size() != 1) {
            throw new BadInputException(
                    run + " has " + trials.size() + " trials: give a workload of one model, or" + " --model");
        }
        return trials.get(0);
    }

    private static Path checkout() throws URISyntaxException, IOException {
        Path jar = Path.of(SpreadMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        for (Path dir = jar.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("mock-server")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.toRealPath();
            }
        }
        throw new BadInputException("cannot find the checkout from " + jar + ": run bench.jar from bench/target/");
    }
}

package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.trial.BenchTarget;
import dev.fanoutbench.bench.trial.WorkloadTrial;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A workload's models, one after another, each in a JVM of its own ({@link WorkloadTrial#main}):
 * a model must not inherit another's JIT and heap, and a model whose JVM dies (out of memory,
 * killed) is a stopped trial naming why while the next model still runs. Every fork gets the
 * harness's JDK and classpath, a fixed heap, and the properties of {@link BenchTarget}; it ends
 * when the harness does.
 */
public final class WorkloadForks {

    private WorkloadForks() {}

    /** @param serverStats the target is our stub, whose /stats the forks read */
    public static Ran run(
            Path workload, List<String> models, URI target, Path runDir, Duration interval, boolean serverStats) {
        return run(workload, models, target.toString(), runDir, interval, serverStats, Map.of());
    }

    /**
     * @param targets    one base URL, or several comma-separated (requests spread over them)
     * @param properties more system properties for every fork (a load generator's role, its source address)
     */
    public static Ran run(
            Path workload,
            List<String> models,
            String targets,
            Path runDir,
            Duration interval,
            boolean serverStats,
            Map<String, String> properties) {
        List<Ran.Stopped> stopped = new ArrayList<>();
        for (String model : models) {
            System.out.println("bench: " + model + " (a JVM of its own)");
            List<String> command = command(workload, model, targets, runDir, interval, serverStats);
            // after the JVM's own options, before its main class
            int main = command.indexOf("-cp");
            properties.forEach((key, value) -> command.add(main, "-D" + key + "=" + value));
            String why = fork(command);
            if (why != null) {
                stopped.add(new Ran.Stopped(model, why));
                System.out.println("bench: " + model + " stopped: " + why + "; going on with the next model");
            }
        }
        return new Ran(List.of(), stopped);
    }

    /** The same trials in this JVM, one model after another (tests: no forks, no JIT isolation). */
    public static Ran inProcess(
            Path workload, List<String> models, URI target, Path runDir, Duration interval, boolean serverStats) {
        List<Ran.Stopped> stopped = new ArrayList<>();
        for (String model : models) {
            try {
                WorkloadTrial.run(workload, model, target, runDir, interval, serverStats);
            } catch (RuntimeException e) {
                stopped.add(new Ran.Stopped(model, e.getMessage()));
            }
        }
        return new Ran(List.of(), stopped);
    }

    static List<String> command(
            Path workload, String model, Object target, Path runDir, Duration interval, boolean serverStats) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + BenchTarget.FORK_HEAP);
        // a fork out of memory ends at once, as a stopped trial, instead of lingering half-dead and deaf to SIGTERM
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(JvmFlags.forThisJdk());
        command.add("-D" + BenchTarget.TARGET + "=" + target);
        command.add("-D" + BenchTarget.RUN_DIR + "=" + runDir);
        command.add("-D" + BenchTarget.INTERVAL_MILLIS + "=" + interval.toMillis());
        command.add("-D" + BenchTarget.SERVER_STATS + "=" + serverStats);
        command.add(
                "-D" + BenchTarget.PARENT_PID + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WorkloadTrial.class.getName());
        command.add(workload.toString());
        command.add(model);
        return command;
    }

    /** Runs one fork to its end; returns null if it finished, else why it stopped. */
    private static String fork(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a trial's JVM (" + command.get(0) + "): " + e.getMessage(), e);
        }
        AtomicReference<String> why = new AtomicReference<>();
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                if (line.startsWith(WorkloadTrial.STOPPED)) {
                    why.set(line.substring(WorkloadTrial.STOPPED.length()));
                } else {
                    System.err.println(line);
                }
            }
            int exit = process.waitFor();
            if (exit == 0) {
                return null;
            }
            String text = why.get() != null ? why.get() : "its JVM ended with exit code " + exit;
            return exit == 3 ? text + " (its JVM ran out of memory: -XX:+ExitOnOutOfMemoryError)" : text;
        } catch (IOException e) {
            process.destroyForcibly(); // a trial the harness cannot hear must not run on unwatched
            throw new UncheckedIOException("cannot read a trial's JVM's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a trial ran", e);
        }
    }
}

package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.trial.BenchTarget;
import dev.fanoutbench.results.CommandWords;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * A JMH run of this project's benchmarks: the preset's options, then anything the user passed
 * through (which wins), and the system properties every benchmark reads ({@link BenchTarget}).
 *
 * @param properties what each fork gets on its command line; a run without forks (the tests) gets
 *                   them as this JVM's properties for the length of the run
 */
public record JmhLaunch(Options options, Map<String, String> properties) {

    /** The benchmarks of this project; {@code -Dbench.include} narrows it. */
    public static final String ALL = "dev\\.fanoutbench\\.bench\\.jmh\\..*Benchmark.*";

    /** Checks what the user passed without running anything. @throws IllegalArgumentException naming the option */
    public static void check(String include, String passThrough) {
        if (include != null && !include.isBlank()) {
            try {
                Pattern.compile(include);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "bench.include '" + include + "' is not a regular expression: " + e.getDescription());
            }
        }
        userOptions(passThrough);
    }

    /** @throws IllegalArgumentException if the pass-through options do not parse */
    public static JmhLaunch of(
            Preset preset, String include, String passThrough, URI target, Path runDir, Duration interval) {
        return of(preset, include, passThrough, target, runDir, interval, true);
    }

    /**
     * @param serverStats the target is our stub, whose /stats the forks read (false: server-side numbers are not
     * measured)
     */
    public static JmhLaunch of(
            Preset preset,
            String include,
            String passThrough,
            URI target,
            Path runDir,
            Duration interval,
            boolean serverStats) {
        check(include, passThrough);
        CommandLineOptions user = userOptions(passThrough);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(BenchTarget.TARGET, target.toString());
        properties.put(BenchTarget.RUN_DIR, runDir.toString());
        properties.put(BenchTarget.INTERVAL_MILLIS, Long.toString(interval.toMillis()));
        properties.put(BenchTarget.SERVER_STATS, Boolean.toString(serverStats));
        properties.put(
                BenchTarget.PARENT_PID, Long.toString(ProcessHandle.current().pid()));
        properties.put(BenchTarget.WARM_UP_REQUESTS, Integer.toString(preset.warmUpRequests()));
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .parent(user)
                .include(include == null || include.isBlank() ? ALL : include)
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(runDir.resolve("jmh.json").toString())
                .shouldFailOnError(true);
        // one call: each call to jvmArgsAppend replaces the last one's arguments, the user's included
        java.util.List<String> forkArgs =
                new java.util.ArrayList<>(user.getJvmArgsAppend().orElse(java.util.List.of()));
        properties.forEach((name, value) -> forkArgs.add("-D" + name + "=" + value));
        forkArgs.add("-Xmx" + BenchTarget.FORK_HEAP);
        // a fork out of memory ends at once, as a failed trial, instead of lingering half-dead and deaf to SIGTERM
        forkArgs.add("-XX:+ExitOnOutOfMemoryError");
        forkArgs.addAll(JvmFlags.forThisJdk());
        builder.jvmArgsAppend(forkArgs.toArray(String[]::new));
        if (!user.getForkCount().hasValue()) {
            builder.forks(preset.forks());
        }
        if (!user.getWarmupIterations().hasValue()) {
            builder.warmupIterations(preset.warmupIterations());
        }
        if (!user.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(preset.iterations());
        }
        preset.params().forEach((name, value) -> {
            if (!user.getParameter(name).hasValue()) {
                builder.param(name, value.split(","));
            }
        });
        return new JmhLaunch(builder.build(), Map.copyOf(properties));
    }

    /**
     * The user's JMH options, split as a shell would. Options the harness's accounting depends on
     * are refused in words rather than silently overridden: where results go and in what format,
     * the benchmark mode and time unit (a score is one batch's wall time in ms), threads (one batch
     * per invocation), and failing on error.
     */
    private static CommandLineOptions userOptions(String passThrough) {
        CommandLineOptions user;
        try {
            user = new CommandLineOptions(CommandWords.split(passThrough).toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bench.jmh: " + e.getMessage());
        }
        refuse(
                user.getResultFormat().hasValue() || user.getResult().hasValue(),
                "-rf/-rff",
                "the run folder's jmh.json is written by the harness, as JSON; convert it afterwards if you "
                        + "need another format");
        refuse(user.getOutput().hasValue(), "-o", "the console output is the run's log; redirect it instead");
        refuse(user.shouldFailOnError().hasValue(), "-foe", "a failing benchmark always stops the run");
        refuse(
                !user.getBenchModes().isEmpty() || user.getTimeUnit().hasValue(),
                "-bm/-tu",
                "every benchmark is single-shot in milliseconds: a score is one batch's wall time");
        refuse(
                user.getThreads().hasValue() || user.getThreadGroups().hasValue(),
                "-t/-tg",
                "a benchmark runs one batch at a time; raise a batch's concurrency with -p instead");
        return user;
    }

    private static void refuse(boolean given, String option, String why) {
        if (given) {
            throw new IllegalArgumentException("bench.jmh: " + option + " cannot be passed through: " + why);
        }
    }

    /** Runs the benchmarks; a failure stops them (a dead target fails every trial alike). */
    public Ran run() throws RunnerException {
        return new Ran(runOne(options), List.of());
    }

    /** These benchmarks, their JMH results written to {@code result} instead. */
    public JmhLaunch writingTo(Path result) {
        return new JmhLaunch(
                new OptionsBuilder().parent(options).result(result.toString()).build(), properties);
    }

    /**
     * Several launches as one run (each benchmark of a client matrix on its own clients): run one
     * after another, their JMH results merged into {@code jmh.json} in {@code runDir} as one run's.
     */
    public static Ran runAll(List<JmhLaunch> launches, Path runDir) throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            Path part = runDir.resolve("jmh-" + (i + 1) + ".json");
            results.addAll(launches.get(i).writingTo(part).run().jmhResults());
            parts.add(part);
        }
        JmhResults.concatenate(parts, runDir.resolve("jmh.json"));
        return new Ran(results, List.of());
    }

    private Collection<RunResult> runOne(Options chosen) throws RunnerException {
        if (chosen.getForkCount().orElse(1) > 0) {
            return new Runner(chosen).run();
        }
        Map<String, String> before = new LinkedHashMap<>();
        properties.forEach((name, value) -> before.put(name, System.setProperty(name, value)));
        try {
            return new Runner(chosen).run();
        } finally {
            before.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
    }
}

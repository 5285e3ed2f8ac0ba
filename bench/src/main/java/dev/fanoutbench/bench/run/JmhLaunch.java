package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.jmh.BenchTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** JMH's options for a run: the preset, then anything the user passed through, which wins. */
public final class JmhLaunch {

    /** The benchmarks of this project; {@code -Dbench.include} narrows it. */
    public static final String ALL = "dev\\.fanoutbench\\.bench\\.jmh\\..*Benchmark.*";

    private JmhLaunch() {}

    /** @throws IllegalArgumentException if the pass-through options do not parse */
    public static Options options(Preset preset, String include, String passThrough, URI target, Path runDir,
                                  Duration interval) {
        CommandLineOptions user;
        try {
            user = new CommandLineOptions(passThrough == null || passThrough.isBlank() ? new String[0] : passThrough.trim().split("\\s+"));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("bench.jmh: " + e.getMessage());
        }
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .parent(user)
                .include(include == null || include.isBlank() ? ALL : include)
                .addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(runDir.resolve("jmh.json").toString())
                .jvmArgsAppend("-D" + BenchTarget.TARGET + "=" + target, "-D" + BenchTarget.RUN_DIR + "=" + runDir,
                        "-D" + BenchTarget.INTERVAL_MILLIS + "=" + interval.toMillis(), "-Xmx2g")
                .shouldFailOnError(true);
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
                builder.param(name, value);
            }
        });
        if (preset.forks() == 0) {
            // in-process (tests): the benchmarks read these as system properties of this JVM
            System.setProperty(BenchTarget.TARGET, target.toString());
            System.setProperty(BenchTarget.RUN_DIR, runDir.toString());
            System.setProperty(BenchTarget.INTERVAL_MILLIS, Long.toString(interval.toMillis()));
        }
        return builder.build();
    }
}

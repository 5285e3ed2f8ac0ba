package dev.fanoutbench.reports.capacity;

import dev.fanoutbench.reports.RunFolderReader;
import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.DurationText;
import dev.fanoutbench.results.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench.jar advise RUN --rate R}: which clients of a workload run carry R requests per second
 * within the SLO, with what setting and how many cores, ranked; and which cannot, and why.
 */
@Command(
        name = "advise",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "From a workload run: which clients meet a rate within an SLO, how set, on how many cores.")
public final class AdviseMain implements Callable<Integer> {

    @Parameters(index = "0", description = "a workload run's folder (e.g. reports/runs/latest)")
    Path run;

    @Option(names = "--rate", description = "requests per second to carry")
    Double rate;

    @Option(names = "--cores", description = "cores the service will have (default: the run's client's)")
    Integer cores;

    @Option(names = "--slo", description = "the latency objective, p99=250ms (default: the workload's)")
    String slo;

    @Option(
            names = "--headroom",
            description = "share above the rate every setting allows for, 25%% or 0.25 (default: 25%%)")
    String headroom = "25%";

    @Option(
            names = "--predict",
            description = "instead of advice, each client's knee predicted under changed resources:"
                    + " pool=50, cores=1, service=200ms, stub=apart|shared, comma-separated")
    String predict;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The exit code, without exiting. */
    public static int run(String... args) {
        return Cli.of(new AdviseMain(), "advise", System.err, e -> e instanceof BadInputException)
                .execute(args);
    }

    @Override
    public Integer call() {
        if (predict != null) {
            if (rate != null) {
                throw new BadInputException("--predict and --rate ask different questions: give one");
            }
            return predict(Prediction.parse(predict));
        }
        if (rate == null) {
            throw new BadInputException("give --rate R (requests per second), or --predict CHANGES");
        }
        if (!(rate > 0)) {
            throw new BadInputException("--rate must be above 0, got " + rate);
        }
        if (cores != null && cores < 1) {
            throw new BadInputException("--cores must be at least 1, got " + cores);
        }
        double share = headroom(headroom);
        RunFolderReader folder = RunFolderReader.open(run);
        List<Capacity> capacities = capacities(folder);
        Double p99 = slo != null ? p99(slo) : RunCapacity.sloP99Millis(folder.summary());
        if (p99 == null) {
            throw new BadInputException(
                    "the workload of " + folder.folder() + " sets no SLO: give one, --slo p99=250ms");
        }
        int k = cores != null ? cores : RunCapacity.clientCores(folder.environment());
        Advice.of(capacities, rate, k, p99, share).lines().forEach(System.out::println);
        return Cli.OK;
    }

    private Integer predict(Capacity.Change change) {
        RunFolderReader folder = RunFolderReader.open(run);
        List<Capacity> capacities = capacities(folder);
        System.out.println("Each client's knee under " + predict + ", predicted from " + folder.folder() + ":");
        for (Capacity measured : capacities) {
            Ceiling limit = measured.predict(change).limit();
            String knee = measured.kneePerSecond() == null
                    ? "no knee measured"
                    : String.format(Locale.ROOT, "its knee as run: %,.0f/s", measured.kneePerSecond());
            System.out.println(
                    limit == null
                            ? String.format(Locale.ROOT, "  %s: no ceiling in its data (%s)", measured.model(), knee)
                            : String.format(
                                    Locale.ROOT,
                                    "  %s: %,.0f/s, by its %s: %s (%s)",
                                    measured.model(),
                                    limit.perSecond(),
                                    limit.resource(),
                                    limit.why(),
                                    knee));
        }
        return Cli.OK;
    }

    /** The run's capacities; a run without workload windows is bad input. */
    private static List<Capacity> capacities(RunFolderReader folder) {
        List<Capacity> capacities = RunCapacity.of(folder.summary(), folder.environment());
        if (capacities.isEmpty()) {
            throw new BadInputException(folder.folder() + " has no workload windows: advice and predictions are made"
                    + " from a workload run (e.g. workloads/knee.yaml)");
        }
        return capacities;
    }

    private static double p99(String text) {
        String[] parts = text.split("=", 2);
        if (parts.length != 2 || !parts[0].strip().equalsIgnoreCase("p99")) {
            throw new BadInputException("--slo must be like p99=250ms, got '" + text + "'");
        }
        try {
            return DurationText.parse(parts[1], List.of("us", "ms", "s")).toNanos() / 1e6;
        } catch (BadInputException e) {
            throw new BadInputException("--slo's p99 " + e.getMessage());
        }
    }

    private static double headroom(String text) {
        String t = text.strip();
        try {
            double value =
                    t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            if (value < 0 || value > 10) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadInputException(
                    String.format(Locale.ROOT, "--headroom must be like 25%% or 0.25, got '%s'", text));
        }
    }
}

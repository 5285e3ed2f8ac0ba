package dev.fanoutbench.bench;

import dev.fanoutbench.bench.run.GeneratorMerge;
import dev.fanoutbench.bench.run.Ran;
import dev.fanoutbench.bench.run.RunFolder;
import dev.fanoutbench.bench.run.SummaryBuilder;
import dev.fanoutbench.bench.trial.TrialRecord;
import dev.fanoutbench.reports.RunVerdict;
import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.Environments;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import dev.fanoutbench.results.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench.jar merge --out DIR RUN...}: the run folders of one workload's trials, run apart (one per pod of a
 * Kubernetes Indexed Job, or one per {@code run --trial-index} here), made into one run folder: the trials' own
 * records and histogram logs copied, then the summary, self-checks, report and verdict built from them by the same
 * code as a run of them all in one place. Nothing is averaged: each trial is as its pod recorded it. A trial
 * expected ({@code --expect}) and not there is a self-check failure of the merged run, not a smaller run.
 */
@Command(
        name = "bench.jar merge",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Merges run folders of one workload's trials (run apart, e.g. one per pod) into one run"
                + " folder, with its summary, self-checks, report and verdict.")
public final class MergeMain implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run folders, each with some of the trials")
    List<Path> runs;

    @Option(names = "--out", required = true, description = "the folder the merged run folder goes into")
    Path out;

    @Option(names = "--expect", description = "trials the workload has: fewer recorded is a self-check failure")
    Integer expect;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The exit code, without exiting: 0 passed, 1 a self-check failed, 2 bad input. */
    public static int run(String... args) {
        return Cli.of(
                        new MergeMain(),
                        "merge",
                        System.err,
                        e -> e instanceof BadInputException || e instanceof IllegalArgumentException)
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (expect != null && expect < 1) {
            throw new BadInputException("--expect must be at least 1, got " + expect);
        }
        List<Part> parts = new ArrayList<>();
        for (Path run : runs) {
            parts.add(Part.read(run));
        }
        String preset = parts.get(0).summary().preset();
        for (Part part : parts) {
            if (!part.summary().preset().equals(preset)) {
                throw new BadInputException(
                        part.folder() + " ran '" + part.summary().preset() + "', "
                                + parts.get(0).folder() + " '" + preset + "': merge the trials of one workload");
            }
        }
        // a trial sent by several generators is one record per generator, merged into one below; a generator's part
        // gives nothing else (what a generator that died left behind is not copied)
        Map<String, List<GeneratorMerge.Part>> generated = new TreeMap<>();
        List<Part> whole = new ArrayList<>();
        for (Part part : parts) {
            if (!part.environment().settings().containsKey("generator")) {
                whole.add(part);
                continue;
            }
            for (Path file : list(part.folder().resolve("records"), ".json")) {
                TrialRecord record = Files.size(file) == 0 ? null : SummaryBuilder.readRecord(file);
                if (record != null && record.generator() != null) {
                    generated
                            .computeIfAbsent(record.trial().key(), k -> new ArrayList<>())
                            .add(new GeneratorMerge.Part(part.folder(), record));
                }
            }
        }
        for (List<GeneratorMerge.Part> generators : generated.values()) {
            GeneratorMerge.check(generators);
        }
        // every file the merged run takes, checked before anything is written
        Map<String, Path> files = new TreeMap<>();
        for (Part part : whole) {
            for (String sub : List.of("records", "histograms")) {
                take(part.folder().resolve(sub), sub, sub.equals("histograms") ? ".hlog" : "", files);
            }
        }
        RunFolder folder = RunFolder.create(out.toAbsolutePath(), "merged");
        Path working = folder.working();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            Path to = working.resolve(file.getKey());
            Files.createDirectories(to.getParent());
            Files.copy(file.getValue(), to);
        }
        List<Ran.Stopped> stopped = new ArrayList<>();
        Map<String, Object> clocks = new LinkedHashMap<>();
        for (List<GeneratorMerge.Part> generators : generated.values()) {
            GeneratorMerge.Merged merged = GeneratorMerge.merge(generators, working);
            if (merged.missing() != null) {
                stopped.add(new Ran.Stopped(merged.model(), merged.missing()));
            }
            clocks.put(merged.model(), merged.clocks());
            System.out.println("merge: " + merged.model() + ": " + merged.clocks());
        }
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (Part part : parts) {
            // what a part's own run already knew failed (a trial that stopped) stays a failure here
            for (RunSummary.Failure failure : part.summary().failures()) {
                if (failure.check() == Check.TRIAL_RECORDED) {
                    stopped.add(
                            new Ran.Stopped(failure.trial(), failure.text().replaceFirst("^the trial stopped: ", "")));
                }
            }
            Environment.Machine machine = part.environment().machine();
            for (RunSummary.Trial trial : part.summary().trials()) {
                nodes.merge(
                        trial.model(),
                        String.format(
                                Locale.ROOT,
                                "%s: %s, %d cores",
                                part.environment()
                                        .settings()
                                        .getOrDefault("host", part.folder().getFileName()),
                                machine.cpuModel(),
                                machine.cores()),
                        // a trial of several generators ran on several nodes
                        (a, b) -> a + "; " + b);
            }
        }
        // the parts' trials are the merged run's: a trial in two parts was refused above
        int recorded = (int) parts.stream()
                .flatMap(p -> p.summary().trials().stream())
                .map(RunSummary.Trial::key)
                .distinct()
                .count();
        if (expect != null && recorded < expect) {
            stopped.add(new Ran.Stopped(
                    "merge",
                    String.format(
                            Locale.ROOT,
                            "%d trial(s) expected, %d recorded: a part is missing (a pod that never wrote its run)",
                            expect,
                            recorded)));
        }
        RunSummary first = parts.get(0).summary();
        RunSummary summary = SummaryBuilder.build(
                        folder.id(), preset, first.target(), null, new Ran(List.of(), stopped), working)
                .withTargetWarmUp(first.targetWarmUp());
        Summaries.write(summary, working.resolve("summary.json"));
        Environment base = parts.get(0).environment();
        Map<String, Object> settings = new LinkedHashMap<>(base.settings());
        // a part's own: the merged run is every generator's
        settings.remove("generator");
        settings.remove("sourceAddress");
        settings.put(
                "merged from", parts.stream().map(p -> p.folder().toString()).toList());
        settings.put("nodes", nodes);
        if (!clocks.isEmpty()) {
            settings.put("generators", clocks);
        }
        Environments.write(
                new Environment(
                        base.schemaVersion(), base.jdk(), base.machine(), base.git(), settings, base.mockServer()),
                working.resolve("environment.json"));
        Path done = folder.complete();
        System.out.println("merge: " + summary.trials().size() + " trials from " + parts.size() + " run folders, "
                + summary.failures().size() + " self-check failures; results in " + done);
        return RunVerdict.give(done, "", false);
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** One run folder to merge: where it is, what it ran, where. */
    private record Part(Path folder, RunSummary summary, Environment environment) {

        static Part read(Path run) {
            Path folder = run.toAbsolutePath().normalize();
            try {
                folder = folder.toRealPath(); // latest, named as the run it points to
            } catch (IOException e) {
                // said below, as no summary.json
            }
            if (!Files.isRegularFile(folder.resolve("summary.json"))) {
                throw new BadInputException(run + " is not a run folder: it has no summary.json");
            }
            try {
                return new Part(
                        folder,
                        Summaries.read(folder.resolve("summary.json")),
                        Environments.read(folder.resolve("environment.json")));
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(run + " cannot be read as a run folder: " + e.getMessage());
            }
        }
    }

    /** Adds the files of {@code from} ending in {@code suffix}, by their name under {@code sub}; refuses a name twice. */
    private static void take(Path from, String sub, String suffix, Map<String, Path> files) throws IOException {
        for (Path file : list(from, suffix)) {
            String name = sub + "/" + file.getFileName();
            Path earlier = files.putIfAbsent(name, file);
            if (earlier != null) {
                throw new BadInputException(
                        "two parts both have " + name + " (" + earlier + " and " + file + "): one trial run twice");
            }
        }
    }
}

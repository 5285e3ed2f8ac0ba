package dev.fanoutbench.reports;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.JUnitReport;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Sla;
import dev.fanoutbench.results.Version;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Behind {@code scripts/compare.sh}: compares two runs (default: the two latest), or the models
 * within one run ({@code --models RUN}); prints a table, writes {@code compare.md} (for a pull
 * request), {@code compare.html} (both runs overlaid) and {@code compare.xml} (JUnit, for any CI).
 * Exit codes as {@link Cli}: 0 no significant regression; 1 B's own self-checks failed; 2 bad
 * input; 3 a regression (a significantly slower trial, a trial missing in B, new failures); 99 an
 * SLA rule breached. How a change is judged: {@link Comparison}.
 */
@Command(
        name = "compare.sh",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Compares two benchmark runs, or the models of one run.")
public final class CompareMain implements Callable<Integer> {

    @Parameters(arity = "0..2", description = "run folders A and B (default: the two latest under --runs-dir)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--threshold", description = "smallest change that counts, e.g. 5% (default: ${DEFAULT-VALUE})")
    String threshold = "5%";

    @Option(
            names = "--alpha",
            description = "family-wise chance of flagging a change that is not there, over every"
                    + " metric of every trial (default: ${DEFAULT-VALUE})")
    double alpha = 0.05;

    @Option(names = "--models", description = "compare the models within this one run instead")
    Path modelsRun;

    @Option(names = "--sla", description = "SLA rules checked against run B (see docs/reports.md), or @FILE")
    String sla = "";

    @Option(names = "--runs-dir", description = "where runs are (default: ${DEFAULT-VALUE})")
    Path runsDir;

    @Option(
            names = "--project-dir",
            description = "the checkout whose reports/runs and reports/compare are the defaults"
                    + " (default: the current directory; compare.sh passes its own checkout)")
    Path projectDir = Path.of(".");

    @Option(names = "--out", description = "where compare.md and compare.html go (default: reports/compare/A_vs_B)")
    Path out;

    private static final Pattern RUN_ID = Pattern.compile("(\\d{8}-\\d{6})-([0-9a-z]+?)(?:-(\\d+))?");

    private final PrintStream stdout;

    CompareMain(PrintStream stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream stdout, PrintStream stderr, String... args) {
        return Cli.of(new CompareMain(stdout), "compare", stderr, e -> e instanceof BadInputException)
                .execute(args);
    }

    @Override
    public Integer call() {
        double limit = parseThreshold(threshold);
        if (!(alpha > 0 && alpha < 1)) {
            throw new BadInputException("--alpha must be above 0 and below 1, got " + alpha);
        }
        Sla rules = Sla.parse(sla);
        if (modelsRun != null) {
            return compareModels(RunFolderReader.open(modelsRun), rules);
        }
        if (runs.size() == 1) {
            throw new BadInputException("give two runs, or none for the two latest");
        }
        List<Path> pair = runs.size() == 2 ? runs : latestTwo();
        RunFolderReader a = RunFolderReader.open(pair.get(0));
        RunFolderReader b = RunFolderReader.open(pair.get(1));
        comparable(a, b);
        Comparison comparison = Comparison.of(a.summary(), b.summary(), limit, alpha);
        List<Sla.Result> checked = rules.check(b.summary());
        List<String> breaches = checked.stream()
                .filter(r -> !r.holds())
                .map(Sla.Result::describe)
                .toList();
        ComparisonTable table = ComparisonTable.of(comparison);

        stdout.printf("A = %s%nB = %s%n%s%n%n", a.id(), b.id(), rule(comparison));
        stdout.print(table.terminal());
        comparison.onlyInB().forEach(k -> stdout.println("only in B (new): " + k));
        Path dir = out != null
                ? out
                : projectDir.resolve("reports").resolve("compare").resolve(a.id() + "_vs_" + b.id());
        write(dir, a, b, comparison, table, breaches);
        writeJUnit(dir.resolve("compare.xml"), comparison, b, checked);
        breaches.forEach(x -> stdout.println("SLA breached (B): " + x));
        comparison.reasons().forEach(r -> stdout.println("compare: " + r));
        stdout.println(comparison.failed() ? "compare: FAILED" : "compare: no significant regression");
        stdout.println("compare: " + dir.resolve("compare.html"));
        return !comparison.bFailures().isEmpty()
                ? Cli.FAILED
                : !breaches.isEmpty() ? Cli.SLA_BREACHED : comparison.failed() ? Cli.REGRESSED : Cli.OK;
    }

    /**
     * A quick run's batches are a fifth of the default's and its warm-up shorter, so its efficiencies
     * run lower (measured: the bounded batch at 0.72-0.84 of its ideal, 0.84-0.88 in the default):
     * a difference between presets is not a change in the code.
     */
    static void comparable(RunFolderReader a, RunFolderReader b) {
        String presetA = a.summary().preset();
        String presetB = b.summary().preset();
        boolean quick = "quick".equals(presetA) || "quick".equals(presetB);
        if (quick && !presetA.equals(presetB)) {
            throw new BadInputException(a.id() + " ran the " + presetA + " preset and " + b.id() + " the " + presetB
                    + " one: a quick run's smaller batches measure lower efficiencies, so compare runs of one preset");
        }
    }

    private int compareModels(RunFolderReader run, Sla rules) {
        // the models are ranked within one benchmark at one set of parameters: a slower delay is not a slower model
        BenchmarkCases cases = BenchmarkCases.of(List.of(run.summary()));
        Map<String, List<RunSummary.Trial>> byCase = new TreeMap<>();
        run.summary()
                .trials()
                .forEach(t -> byCase.computeIfAbsent(
                                cases.of(t).named(cases.of(t).benchmark().label()), k -> new ArrayList<>())
                        .add(t));
        StringBuilder md = new StringBuilder("## Models in run " + run.id() + "\n\n");
        int width = Math.max(
                26, byCase.keySet().stream().mapToInt(String::length).max().orElse(0));
        String format = "%-" + width + "s %-30s %12s %10s %6s %9s%n";
        stdout.printf(format, "benchmark", "model", "score", "vs best", "eff", "p99");
        for (var entry : byCase.entrySet()) {
            double best = entry.getValue().stream()
                    .mapToDouble(t -> t.score().value())
                    .min()
                    .orElse(1);
            md.append("### ")
                    .append(entry.getKey())
                    .append("\n\n| model | score | vs best | efficiency | p99 |\n|---|---|---|---|---|\n");
            entry.getValue().sort(Comparator.comparingDouble(t -> t.score().value()));
            for (RunSummary.Trial t : entry.getValue()) {
                String score = Format.duration(t.score().value());
                String vsBest = String.format("%.2fx", t.score().value() / best);
                String eff = t.efficiency() == null ? "-" : String.format("%.2f", t.efficiency());
                String p99 = Format.micros(t.response().p99());
                stdout.printf(format, entry.getKey(), t.modelLabel(), score, vsBest, eff, p99);
                md.append("| ")
                        .append(t.modelLabel())
                        .append(" | ")
                        .append(score)
                        .append(" | ")
                        .append(vsBest)
                        .append(" | ")
                        .append(eff)
                        .append(" | ")
                        .append(p99)
                        .append(" |\n");
            }
            md.append('\n');
        }
        List<String> breaches = rules.breaches(run.summary());
        Path dir = out != null
                ? out
                : projectDir.resolve("reports").resolve("compare").resolve("models-" + run.id());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compare.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HtmlRenderer.write(
                ReportModel.of(
                        "fanout-bench: the models of run " + run.id(),
                        List.of(new ReportModel.LabelledRun("", run, relative(dir, run.folder()))),
                        breaches),
                dir.resolve("compare.html"));
        breaches.forEach(x -> stdout.println("SLA breached: " + x));
        stdout.println("compare: " + dir.resolve("compare.html"));
        return breaches.isEmpty() ? Cli.OK : Cli.SLA_BREACHED;
    }

    private void write(
            Path dir,
            RunFolderReader a,
            RunFolderReader b,
            Comparison comparison,
            ComparisonTable table,
            List<String> breaches) {
        StringBuilder md = new StringBuilder();
        md.append("## fanout-bench: ")
                .append(b.id())
                .append(" against ")
                .append(a.id())
                .append("\n\n");
        md.append(
                        comparison.failed()
                                ? "**Failed**: " + String.join("; ", comparison.reasons())
                                : "No significant regression.")
                .append("\n\n")
                .append(rule(comparison))
                .append("\n\n");
        md.append(table.markdown());
        comparison
                .onlyInB()
                .forEach(k -> md.append("\nOnly in B (new): ").append(k).append('\n'));
        breaches.forEach(x -> md.append("\nSLA breached (B): ").append(x).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compare.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir, e);
        }
        HtmlRenderer.write(
                ReportModel.of(
                                "fanout-bench: " + b.id() + " (B) against " + a.id() + " (A)",
                                List.of(
                                        new ReportModel.LabelledRun("A", a, relative(dir, a.folder())),
                                        new ReportModel.LabelledRun("B", b, relative(dir, b.folder()))),
                                breaches)
                        .asComparison(
                                Glance.of(
                                        comparison,
                                        b.summary().trials(),
                                        BenchmarkCases.of(List.of(a.summary(), b.summary()))),
                                "Each cell is run B's result, with its change" + " from run A and the verdict. "
                                        + rule(comparison),
                                comparison.reasons(),
                                table.all()),
                dir.resolve("compare.html"));
    }

    /** The verdicts as JUnit XML for any CI: a case per trial compared, B's self-checks, the SLA rules. */
    private static void writeJUnit(Path file, Comparison comparison, RunFolderReader b, List<Sla.Result> sla) {
        List<JUnitReport.Case> cases = new ArrayList<>();
        for (Comparison.TrialChange trial : comparison.trials()) {
            cases.add(
                    switch (trial.verdict()) {
                        case SLOWER -> JUnitReport.Case.failed(trial.label(), Comparison.why(trial));
                        case INSUFFICIENT -> new JUnitReport.Case(trial.label(), null, true);
                        default -> JUnitReport.Case.passed(trial.label());
                    });
        }
        comparison.onlyInA().forEach(k -> cases.add(JUnitReport.Case.failed(k, "missing in B")));
        JUnitReport report =
                new JUnitReport().add("compare", cases).add("self-checks", JUnitReport.selfChecks(b.summary()));
        if (!sla.isEmpty()) {
            report.add("sla", JUnitReport.sla(sla));
        }
        try {
            report.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The rule a reader needs to trust the verdicts, in one sentence. */
    static String rule(Comparison comparison) {
        return String.format(
                "A change counts when it is at least %.0f%% and Welch's t-test on the per-iteration samples"
                        + " finds it significant at a family-wise %.0f%% over all %s metrics (Holm); under %d "
                        + "samples a side:"
                        + " insufficient samples.",
                comparison.threshold() * 100,
                comparison.familyAlpha() * 100,
                comparison.trials().stream().mapToInt(t -> t.metrics().size()).sum(),
                Comparison.MIN_SAMPLES);
    }

    /** The two newest runs by their ids (a run id starts with its UTC start time); other folders are not runs. */
    private List<Path> latestTwo() {
        Path dir = runsDir != null ? runsDir : projectDir.resolve("reports").resolve("runs");
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("no runs folder at " + dir + ": run `mvn verify -Pbench` first");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> finished = entries.filter(Files::isDirectory)
                    .filter(p -> RUN_ID.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isRegularFile(p.resolve("summary.json")))
                    .sorted(Comparator.comparing(CompareMain::startOf))
                    .toList();
            if (finished.size() < 2) {
                throw new BadInputException("need two finished runs under " + dir + ", found " + finished.size()
                        + " (a run's folder is named yyyyMMdd-HHmmss-<sha>; name two others to compare them)");
            }
            return finished.subList(finished.size() - 2, finished.size());
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir);
        }
    }

    /** "20261129-100127-ed22260-2": the start time, then the same second's order. */
    private static String startOf(Path run) {
        Matcher m = RUN_ID.matcher(run.getFileName().toString());
        m.matches();
        return m.group(1) + String.format("%04d", m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
    }

    static double parseThreshold(String text) {
        try {
            double value = Double.parseDouble(text.trim().replace("%", ""));
            if (!(value >= 0 && value < 1000)) { // NaN fails here too
                throw new NumberFormatException();
            }
            return value / 100;
        } catch (NumberFormatException e) {
            throw new BadInputException("--threshold must be a percentage like 10%, got '" + text + "'");
        }
    }

    private static String relative(Path from, Path to) {
        try {
            return from.toAbsolutePath()
                            .normalize()
                            .relativize(to.toAbsolutePath().normalize()) + "/";
        } catch (IllegalArgumentException e) {
            return to.toUri() + "/";
        }
    }
}

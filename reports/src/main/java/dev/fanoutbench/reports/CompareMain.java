package dev.fanoutbench.reports;

import dev.fanoutbench.bench.run.RunSummary;
import dev.fanoutbench.results.Cli;
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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Behind {@code scripts/compare.sh}: compares two runs (default: the two latest), or the models
 * within one run ({@code --models RUN}); prints a table, writes {@code compare.md} (for a pull
 * request) and {@code compare.html} (both runs overlaid). Exit 0: no significant regression; 1: a
 * regression beyond the threshold or an SLA breach; 2: bad input.
 */
@Command(name = "compare.sh", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compares two benchmark runs, or the models of one run.")
public final class CompareMain implements Callable<Integer> {

    @Parameters(arity = "0..2", description = "run folders A and B (default: the two latest under --runs-dir)")
    List<Path> runs = new ArrayList<>();

    @Option(names = "--threshold", description = "smallest change that counts, e.g. 10% (default: ${DEFAULT-VALUE})")
    String threshold = "10%";

    @Option(names = "--models", description = "compare the models within this one run instead")
    Path modelsRun;

    @Option(names = "--sla", description = "SLA rules checked against run B (see the README), or @FILE")
    String sla = "";

    @Option(names = "--runs-dir", description = "where runs are (default: ${DEFAULT-VALUE})")
    Path runsDir = Path.of("reports", "runs");

    @Option(names = "--out", description = "where compare.md and compare.html go (default: reports/compare/A_vs_B)")
    Path out;

    private final PrintStream stdout;

    CompareMain(PrintStream stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    static int run(PrintStream stdout, PrintStream stderr, String... args) {
        return Cli.of(new CompareMain(stdout), "compare", stderr, e -> e instanceof BadInputException).execute(args);
    }

    @Override
    public Integer call() {
        double limit = parseThreshold(threshold);
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
        Comparison comparison = Comparison.of(a.summary(), b.summary(), limit);
        List<String> breaches = rules.breaches(b.summary());

        printTable(comparison, a, b, limit);
        Path dir = out != null ? out : Path.of("reports", "compare", a.id() + "_vs_" + b.id());
        write(dir, a, b, comparison, breaches, limit);
        breaches.forEach(x -> stdout.println("SLA breached (B): " + x));
        boolean regressed = comparison.hasRegression();
        stdout.println(regressed ? "compare: significant regression beyond " + threshold : "compare: no significant regression");
        stdout.println("compare: " + dir.resolve("compare.html"));
        return regressed || !breaches.isEmpty() ? 1 : 0;
    }

    private int compareModels(RunFolderReader run, Sla rules) {
        Map<String, List<RunSummary.Trial>> byBenchmark = new TreeMap<>();
        run.summary().trials().forEach(t -> byBenchmark.computeIfAbsent(t.benchmark().replaceAll("\\..*", ""), k -> new ArrayList<>()).add(t));
        StringBuilder md = new StringBuilder("## Models in run " + run.id() + "\n\n");
        String format = "%-26s %-30s %12s %10s %6s %9s%n";
        stdout.printf(format, "benchmark", "model", "score", "vs best", "eff", "p99");
        for (var entry : byBenchmark.entrySet()) {
            double best = entry.getValue().stream().mapToDouble(t -> t.score().value()).min().orElse(1);
            md.append("### ").append(entry.getKey()).append("\n\n| model | score | vs best | efficiency | p99 |\n|---|---|---|---|---|\n");
            entry.getValue().sort(Comparator.comparingDouble(t -> t.score().value()));
            for (RunSummary.Trial t : entry.getValue()) {
                String score = ReportModel.duration(t.score().value());
                String vsBest = String.format("%.2fx", t.score().value() / best);
                String eff = t.efficiency() == null ? "-" : String.format("%.2f", t.efficiency());
                String p99 = ReportModel.micros(t.latencyMicros().get("response").p99());
                stdout.printf(format, entry.getKey().replace("Benchmark", ""), Comparison.label(t), score, vsBest, eff, p99);
                md.append("| ").append(Comparison.label(t)).append(" | ").append(score).append(" | ").append(vsBest)
                        .append(" | ").append(eff).append(" | ").append(p99).append(" |\n");
            }
            md.append('\n');
        }
        List<String> breaches = rules.breaches(run.summary());
        Path dir = out != null ? out : Path.of("reports", "compare", "models-" + run.id());
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compare.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HtmlRenderer.write(ReportModel.of("fanout-bench: the models of run " + run.id(),
                List.of(new ReportModel.LabelledRun("", run, relative(dir, run.folder()))), breaches), dir.resolve("compare.html"));
        breaches.forEach(x -> stdout.println("SLA breached: " + x));
        stdout.println("compare: " + dir.resolve("compare.html"));
        return breaches.isEmpty() ? 0 : 1;
    }

    private void printTable(Comparison comparison, RunFolderReader a, RunFolderReader b, double limit) {
        stdout.printf("A = %s%nB = %s%nthreshold %.0f%%: a change counts when beyond it and outside JMH's error intervals%n%n",
                a.id(), b.id(), limit * 100);
        String format = "%-22s %-30s %16s %16s %8s  %s%n";
        stdout.printf(format, "benchmark", "model", "A", "B", "change", "verdict");
        for (Comparison.Line line : comparison.lines()) {
            stdout.printf(format, line.benchmark().replace("Benchmark", ""), line.model(), score(line.a(), line.aError()),
                    score(line.b(), line.bError()), String.format("%+.1f%%", line.change() * 100), verdictWords(line.verdict()));
        }
        comparison.onlyInA().forEach(k -> stdout.println("only in A: " + k));
        comparison.onlyInB().forEach(k -> stdout.println("only in B: " + k));
    }

    private void write(Path dir, RunFolderReader a, RunFolderReader b, Comparison comparison, List<String> breaches, double limit) {
        StringBuilder md = new StringBuilder();
        md.append("## fanout-bench: ").append(b.id()).append(" against ").append(a.id()).append("\n\n");
        md.append(comparison.hasRegression() ? "**Significant regression** beyond " : "No significant regression beyond ")
                .append(String.format("%.0f%%", limit * 100)).append(" (outside JMH's error intervals).\n\n");
        md.append("| benchmark | model | A | B | change | verdict |\n|---|---|---|---|---|---|\n");
        for (Comparison.Line line : comparison.lines()) {
            md.append("| ").append(line.benchmark().replace("Benchmark", "")).append(" | ").append(line.model()).append(" | ")
                    .append(score(line.a(), line.aError())).append(" | ").append(score(line.b(), line.bError())).append(" | ")
                    .append(String.format("%+.1f%%", line.change() * 100)).append(" | ").append(verdictWords(line.verdict())).append(" |\n");
        }
        breaches.forEach(x -> md.append("\nSLA breached (B): ").append(x).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("compare.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir, e);
        }
        List<List<String>> changes = new ArrayList<>();
        changes.add(List.of("benchmark", "model", "A", "B", "change", "verdict"));
        for (Comparison.Line line : comparison.lines()) {
            changes.add(List.of(line.benchmark().replace("Benchmark", ""), line.model(), score(line.a(), line.aError()),
                    score(line.b(), line.bError()), String.format("%+.1f%%", line.change() * 100), verdictWords(line.verdict())));
        }
        HtmlRenderer.write(ReportModel.of("fanout-bench: " + b.id() + " (B) against " + a.id() + " (A)", List.of(
                new ReportModel.LabelledRun("A", a, relative(dir, a.folder())),
                new ReportModel.LabelledRun("B", b, relative(dir, b.folder()))), breaches).withChanges(changes),
                dir.resolve("compare.html"));
    }

    private List<Path> latestTwo() {
        if (!Files.isDirectory(runsDir)) {
            throw new BadInputException("no runs folder at " + runsDir + ": run `mvn verify -Pbench` first");
        }
        try (Stream<Path> entries = Files.list(runsDir)) {
            List<Path> finished = entries.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals("latest"))
                    .sorted().toList();
            if (finished.size() < 2) {
                throw new BadInputException("need two finished runs under " + runsDir + ", found " + finished.size());
            }
            return finished.subList(finished.size() - 2, finished.size());
        } catch (IOException e) {
            throw new BadInputException("cannot list " + runsDir);
        }
    }

    static double parseThreshold(String text) {
        try {
            double value = Double.parseDouble(text.trim().replace("%", ""));
            if (value < 0 || value >= 1000) {
                throw new NumberFormatException();
            }
            return value / 100;
        } catch (NumberFormatException e) {
            throw new BadInputException("--threshold must be a percentage like 10%, got '" + text + "'");
        }
    }

    private static String relative(Path from, Path to) {
        try {
            return from.toAbsolutePath().normalize().relativize(to.toAbsolutePath().normalize()) + "/";
        } catch (IllegalArgumentException e) {
            return to.toUri() + "/";
        }
    }

    private static String score(double value, Double error) {
        return error == null ? ReportModel.duration(value) : ReportModel.duration(value) + " ± " + ReportModel.duration(error);
    }

    private static String verdictWords(Comparison.Verdict verdict) {
        return switch (verdict) {
            case SAME -> "same";
            case NOISE -> "within noise";
            case FASTER -> "faster";
            case SLOWER -> "SLOWER";
        };
    }
}

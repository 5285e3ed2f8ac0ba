package dev.fanoutbench.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.reports.ReportModel.Bar;
import dev.fanoutbench.reports.ReportModel.LabelledRun;
import dev.fanoutbench.reports.ReportModel.NoteView;
import dev.fanoutbench.reports.ReportModel.RawFile;
import dev.fanoutbench.reports.ReportModel.Row;
import dev.fanoutbench.reports.ReportModel.Section;
import dev.fanoutbench.reports.ReportModel.Setting;
import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Summaries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link ReportModel} from one or more run folders (two for a comparison): groups the
 * trials by benchmark, names them, writes one sentence per trial from its data, and lays out the
 * rows, bars and environment the template shows.
 */
final class ReportBuilder {

    private ReportBuilder() {}

    static ReportModel build(String title, List<LabelledRun> runs, List<String> slaBreaches) {
        List<String> failures = new ArrayList<>();
        List<NoteView> notes = new ArrayList<>();
        List<RawFile> files = new ArrayList<>();
        BenchmarkCases cases =
                BenchmarkCases.of(runs.stream().map(r -> r.run().summary()).toList());
        Map<BenchmarkCases.Case, List<ShownTrial>> byCase = new LinkedHashMap<>();
        for (LabelledRun labelled : runs) {
            RunSummary summary = labelled.run().summary();
            String prefix = labelled.label().isEmpty() ? "" : labelled.label() + ": ";
            summary.failures().forEach(f -> failures.add(prefix + f.trial() + ": " + f.text()));
            summary.notes().forEach(n -> notes.add(new NoteView(prefix + n.text(), n.trials())));
            for (String raw : List.of("summary.json", "environment.json", "jmh.json")) {
                files.add(new RawFile(prefix + raw, labelled.linkPrefix() + raw));
            }
            for (RunSummary.Trial trial : summary.trials()) {
                byCase.computeIfAbsent(cases.of(trial), k -> new ArrayList<>()).add(ShownTrial.of(labelled, trial));
                trial.files().forEach((name, path) -> {
                    if (name.endsWith("response.hlog") || name.endsWith("response.hgrm")) {
                        files.add(new RawFile(prefix + path.replace("histograms/", ""), labelled.linkPrefix() + path));
                    }
                });
            }
        }
        List<Section> sections = new ArrayList<>();
        Map<String, Object> charts = new LinkedHashMap<>();
        for (BenchmarkCases.Case shown : cases.inOrder()) {
            List<ShownTrial> trials = byCase.get(shown);
            boolean workload = trials.stream().anyMatch(t -> t.trial().load() != null);
            int cores = cores(runs.get(0).run());
            sections.add(new Section(
                    shown.id(),
                    shown.title(),
                    shown.lesson(),
                    workload ? KneeFindings.sentences(trials, cores) : findings(trials),
                    rows(trials),
                    workload ? List.of() : bars(trials),
                    KneeFindings.table(trials)));
            charts.put(shown.id(), ChartData.of(trials));
        }
        String subtitle = runs.stream()
                .map(r ->
                        (r.label().isEmpty() ? "" : r.label() + " = " + r.run().id() + ": ") + describe(r.run()))
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        try {
            String json = new ObjectMapper().writeValueAsString(charts).replace("</", "<\\/");
            Glance glance = Glance.of(runs.get(runs.size() - 1).run().summary().trials(), cases);
            return new ReportModel(
                    title,
                    subtitle,
                    glance,
                    ReportModel.RUN_GLANCE_NOTE,
                    ReportModel.RUN_GLANCE_KEY,
                    environment(runs.get(0).run()),
                    notCheckedIn(runs),
                    failures,
                    notes,
                    slaBreaches,
                    List.of(),
                    sections,
                    files,
                    json,
                    runs.size() == 1 ? Advising.of(runs.get(0).run()) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What no self-check could check, run by run ("run B: ..." in a comparison); empty when the stub answered for
     * every trial.
     */
    private static String notCheckedIn(List<LabelledRun> runs) {
        List<String> unchecked = new ArrayList<>();
        for (LabelledRun r : runs) {
            String what = notChecked(r.run());
            if (!what.isEmpty()) {
                unchecked.add(r.label().isEmpty() ? what : "run " + r.label() + ": " + what);
            }
        }
        return String.join("; ", unchecked);
    }

    /**
     * What the self-checks could not check among these trials: without our stub's /stats nothing says
     * what the target received and answered. Empty when every trial had the stub.
     */
    static String notChecked(RunFolderReader run) {
        Object generator =
                run.environment() == null ? null : run.environment().settings().get("generator");
        if (generator != null) {
            return "this run is generator " + generator + "'s slice of its trials: what the stub saw of all the"
                    + " generators is checked when they are merged";
        }
        return notChecked(run.summary().trials());
    }

    static String notChecked(List<RunSummary.Trial> trials) {
        long without = trials.stream().filter(t -> t.server() == null).count();
        if (without == 0) {
            return "";
        }
        return without == trials.size()
                ? "the target is not a fanout-bench stub, so what it saw was not checked"
                : String.format(
                        Locale.ROOT,
                        "for %d of %d trials the target was not a fanout-bench stub, so what it saw was not checked",
                        without,
                        trials.size());
    }

    /** The machine's cores as the run recorded them (the limit a knee's CPU is judged against). */
    private static int cores(RunFolderReader run) {
        return run.environment().machine().cores();
    }

    private static List<String> findings(List<ShownTrial> trials) {
        List<String> findings = new ArrayList<>();
        for (ShownTrial t : trials) {
            RunSummary.Trial trial = t.trial();
            String sentence = String.format(
                    "%s finished %,d requests in %s, %s the ideal of %s",
                    t.name(),
                    t.requestsPerBatch(),
                    Format.duration(trial.score().value()),
                    ratio(trial),
                    Format.duration(trial.idealMillis()));
            long failed = trial.sent() - trial.count(OutcomeKind.SUCCESS);
            if (failed > 0) {
                sentence += String.format("; %,d of %,d requests did not succeed", failed, trial.sent());
            }
            long sendPhase = trial.iterations().stream()
                    .mapToLong(RunSummary.Iteration::dispatchSpreadMicros)
                    .max()
                    .orElse(0);
            if (trial.scoreIsBatchTime()
                    && trial.server() != null
                    && trial.offeredConcurrency() >= t.requestsPerBatch()
                    && trial.server().arrivalSpreadMicros() > 200 * trial.idealMillis()) {
                // "all at once" is only as sudden as the client can send and the stub can take in
                sentence += String.format(
                        "; its requests reached the stub over %s (the client dispatched them over %s)",
                        Format.micros(trial.server().arrivalSpreadMicros()), Format.micros(sendPhase));
            }
            if (trial.server() != null && trial.server().latenessMicros().aboveNoise()) {
                sentence += String.format(
                        "; the stub itself was up to %.0f ms late (p99), which is the server's share",
                        trial.server().latenessMicros().p99() / 1000.0);
            }
            findings.add(sentence + ".");
        }
        return findings;
    }

    private static List<Row> rows(List<ShownTrial> trials) {
        List<Row> rows = new ArrayList<>();
        for (ShownTrial t : trials) {
            RunSummary.Trial trial = t.trial();
            var response = trial.response();
            StringBuilder outcomes = new StringBuilder();
            trial.outcomes().forEach((kind, n) -> {
                if (n > 0) {
                    outcomes.append(outcomes.isEmpty() ? "" : ", ")
                            .append(String.format("%,d", n))
                            .append(' ')
                            .append(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
            });
            rows.add(new Row(
                    t.name(),
                    Format.duration(trial.score().value()),
                    trial.score().error() == null
                            ? ""
                            : Format.duration(trial.score().error()),
                    Format.duration(trial.idealMillis()),
                    trial.efficiency() == null ? "-" : String.format("%.2f", trial.efficiency()),
                    Format.micros(response.p50()),
                    Format.micros(response.p90()),
                    Format.micros(response.p99()),
                    Format.micros(response.p999()),
                    Format.micros(response.max()),
                    outcomes.toString(),
                    trial.server() == null
                            ? "not measured"
                            : String.format("%,d", trial.server().peakInFlight()),
                    trial.server() == null
                            ? "not measured"
                            : Format.micros(trial.server().latenessMicros().p99()),
                    String.format("%,d", trial.peakThreads()),
                    (trial.cpuMicrosPerRequest() == null
                                    ? "too few requests"
                                    : String.format("%,d us", trial.cpuMicrosPerRequest()))
                            + String.format(Locale.ROOT, " (idle %.1f%%)", 100 * trial.backgroundCpuCores()),
                    trial.allocBytesPerOp() == null || t.requestsPerBatch() == 0
                            ? "-"
                            : String.format("%,.1f KiB", trial.allocBytesPerOp() / t.requestsPerBatch() / 1024)));
        }
        return rows;
    }

    private static List<Bar> bars(List<ShownTrial> trials) {
        double longest = trials.stream()
                .mapToDouble(t -> Math.max(t.trial().score().value(), t.trial().idealMillis()))
                .max()
                .orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (ShownTrial t : trials) {
            bars.add(new Bar(
                    t.name(),
                    Format.duration(t.trial().score().value()),
                    Format.duration(t.trial().idealMillis()),
                    t.trial().efficiency() == null
                            ? "-"
                            : String.format("%.2f", t.trial().efficiency()),
                    100 * t.trial().score().value() / longest,
                    100 * t.trial().idealMillis() / longest));
        }
        return bars;
    }

    /** "preset default, JDK 25.0.3, 2 cores, Linux 6.1.0, commit ed22260": what the numbers depend on, in one line. */
    static String describe(RunFolderReader run) {
        Environment env = run.environment();
        List<String> parts = new ArrayList<>();
        parts.add("preset " + run.summary().preset());
        if (env.jdk().version() != null) {
            parts.add("JDK " + env.jdk().version());
        }
        parts.add(env.machine().cores() + " cores");
        if (env.machine().os() != null) {
            parts.add(env.machine().os() + " "
                    + Objects.requireNonNullElse(env.machine().kernel(), ""));
        }
        if (run.summary().harnessMicrosPerRequest() != null) {
            parts.add(String.format(
                    Locale.ROOT,
                    "harness %.1f us/request",
                    run.summary().harnessMicrosPerRequest().value()));
        }
        String commit = env.git().commit();
        if (commit != null && commit.length() >= 7) {
            parts.add("commit " + commit.substring(0, 7) + (env.git().dirty() ? " (dirty)" : ""));
        }
        return String.join(", ", parts);
    }

    private static List<Setting> environment(RunFolderReader run) {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("run", run.id()));
        settings.add(new Setting("preset", run.summary().preset()));
        settings.add(new Setting("target", run.summary().target()));
        if (run.summary().targetWarmUp() != null) {
            settings.add(new Setting("target warm-up", run.summary().targetWarmUp()));
        }
        if (run.summary().harnessMicrosPerRequest() != null) {
            settings.add(new Setting(
                    "harness cost per request",
                    String.format(
                            Locale.ROOT,
                            "%.1f us of CPU (the accounting without I/O; part of every model's CPU per request)",
                            run.summary().harnessMicrosPerRequest().value())));
        }
        settings.addAll(resources(run.summary()));
        // as written, so every key the file has is shown under its own name, the free-form settings included
        flatten("", Summaries.JSON.valueToTree(run.environment()), settings);
        return settings;
    }

    /**
     * What each client ran on, one row per client, so a reader sees every model got the same; a trial
     * that ended with lanes never warmed is named.
     */
    static List<Setting> resources(RunSummary summary) {
        Map<String, RunSummary.Resources> byModel = new java.util.LinkedHashMap<>();
        List<String> cold = new ArrayList<>();
        for (RunSummary.Trial trial : summary.trials()) {
            RunSummary.Resources r = trial.resources();
            if (r == null) {
                continue;
            }
            byModel.merge(trial.model(), r, (a, b) -> a.lanesWarmed() <= b.lanesWarmed() ? a : b);
            if (r.lanesWarmed() < r.lanes()) {
                cold.add(trial.key());
            }
        }
        List<Setting> rows = new ArrayList<>();
        byModel.forEach((model, r) -> rows.add(new Setting(
                "resources: " + model,
                String.format(
                        Locale.ROOT,
                        "%d CPU workers, up to %,d connections, %d of %d lanes warmed",
                        r.cpuWorkers(),
                        r.maxConnections(),
                        r.lanesWarmed(),
                        r.lanes()))));
        if (!cold.isEmpty()) {
            rows.add(new Setting("measured with lanes never warmed", String.join(", ", cold)));
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, List<Setting> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(prefix + key + ".", value, out);
            } else if (!key.equals("schemaVersion")) {
                out.add(new Setting(prefix + key, value.isValueNode() ? value.asText() : value.toString()));
            }
        }
    }

    private static String ratio(RunSummary.Trial trial) {
        return trial.idealMillis() <= 0
                ? "against no"
                : String.format("%.2fx", trial.score().value() / trial.idealMillis());
    }
}

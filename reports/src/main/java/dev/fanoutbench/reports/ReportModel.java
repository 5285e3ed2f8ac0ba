package dev.fanoutbench.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import dev.fanoutbench.results.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Everything a report shows, computed from one or more run folders (two for a comparison): the
 * template only lays it out. Charts get their data as one JSON object; tables and sentences are
 * ready-made strings.
 */
public record ReportModel(String title, String subtitle, List<Setting> environment, List<String> failures,
                          List<NoteView> notes, List<String> slaBreaches, List<List<String>> changes, List<Section> sections,
                          List<RawFile> files, String chartJson) {

    /** The percentiles on the spectrum's x axis, as HdrHistogram's plots draw them: x = 1 / (1 - p). */
    static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999};
    /** Charts per section: the spectrum, latency, throughput and in-flight over time. */
    static final int CHARTS_PER_SECTION = 4;

    /** A note, once per kind, with the trials it concerns. */
    public record NoteView(String text, List<String> trials) {}

    public record Setting(String name, String value) {}

    public record RawFile(String label, String href) {}

    public record Section(String id, String title, String lesson, List<String> findings, List<Row> rows, List<Bar> bars) {}

    public record Row(String label, String score, String ideal, String efficiency, String p50, String p90, String p99,
                      String p999, String max, String outcomes, String serverPeak, String stubLateP99, String threads,
                      String cpuPerRequest, String allocPerRequest) {}

    /** Wall time against the ideal: widths in percent of the section's longest bar. */
    public record Bar(String label, String score, String ideal, String efficiency, double widthPercent, double idealPercent) {}

    /** A run and the label its series carry ("" for a single run, "A" and "B" in a comparison). */
    public record LabelledRun(String label, RunFolderReader run, String linkPrefix) {}

    public static ReportModel of(String title, List<LabelledRun> runs, List<String> slaBreaches) {
        List<String> failures = new ArrayList<>();
        List<NoteView> notes = new ArrayList<>();
        List<RawFile> files = new ArrayList<>();
        Map<String, List<Labelled>> byBenchmark = new LinkedHashMap<>();
        for (LabelledRun labelled : runs) {
            RunSummary summary = labelled.run().summary();
            String prefix = labelled.label().isEmpty() ? "" : labelled.label() + ": ";
            summary.failures().forEach(f -> failures.add(prefix + f.trial() + ": " + f.text()));
            summary.notes().forEach(n -> notes.add(new NoteView(prefix + n.text(), n.trials())));
            for (String raw : List.of("summary.json", "environment.json", "jmh.json")) {
                files.add(new RawFile(prefix + raw, labelled.linkPrefix() + raw));
            }
            for (RunSummary.Trial trial : summary.trials()) {
                byBenchmark.computeIfAbsent(trial.benchmark().replaceAll("\\..*", ""), k -> new ArrayList<>())
                        .add(new Labelled(labelled, trial));
                trial.files().forEach((name, path) -> {
                    if (name.endsWith("response.hlog") || name.endsWith("response.hgrm")) {
                        files.add(new RawFile(prefix + path.replace("histograms/", ""), labelled.linkPrefix() + path));
                    }
                });
            }
        }
        List<Section> sections = new ArrayList<>();
        Map<String, Object> charts = new LinkedHashMap<>();
        for (Map.Entry<String, List<Labelled>> group : byBenchmark.entrySet()) {
            String id = group.getKey().replace("Benchmark", "").toLowerCase();
            List<Labelled> trials = group.getValue();
            Set<String> varying = varyingParams(trials);
            trials.forEach(t -> t.name = t.run.label().isEmpty() ? t.label(varying) : t.run.label() + " " + t.label(varying));
            Lessons.Lesson lesson = Lessons.of(group.getKey());
            sections.add(new Section(id, lesson.title(), lesson.text(), findings(trials), rows(trials), bars(trials)));
            charts.put(id, charts(trials));
        }
        String subtitle = runs.stream().map(r -> (r.label().isEmpty() ? "" : r.label() + " = ") + r.run().id())
                .reduce((a, b) -> a + ", " + b).orElse("");
        try {
            String json = new ObjectMapper().writeValueAsString(charts).replace("</", "<\\/");
            return new ReportModel(title, subtitle, environment(runs.get(0).run()), failures, notes, slaBreaches, List.of(),
                    sections, files, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same report with a table of changes on top (a comparison): a header row, then one row per trial. */
    public ReportModel withChanges(List<List<String>> table) {
        return new ReportModel(title, subtitle, environment, failures, notes, slaBreaches, table, sections, files, chartJson);
    }

    /** A trial with the run it came from and its label in this report. */
    private static final class Labelled {
        final LabelledRun run;
        final RunSummary.Trial trial;
        String name;

        Labelled(LabelledRun run, RunSummary.Trial trial) {
            this.run = run;
            this.trial = trial;
        }

        String label(Set<String> varying) {
            StringBuilder label = new StringBuilder(trial.model());
            trial.params().forEach((k, v) -> {
                if (varying.contains(k) && !k.equals("model") && !k.equals("mode")) {
                    label.append(' ').append(v.toLowerCase().replace('_', '-'));
                }
            });
            return label.toString();
        }

        long requestsPerBatch() {
            return trial.score().samples().isEmpty() ? trial.sent() : trial.sent() / trial.score().samples().size();
        }
    }

    private static Set<String> varyingParams(List<Labelled> trials) {
        Set<String> varying = new TreeSet<>();
        for (Labelled a : trials) {
            for (Labelled b : trials) {
                a.trial.params().forEach((k, v) -> {
                    if (!v.equals(b.trial.params().get(k))) {
                        varying.add(k);
                    }
                });
            }
        }
        return varying;
    }

    private static List<String> findings(List<Labelled> trials) {
        List<String> findings = new ArrayList<>();
        for (Labelled t : trials) {
            RunSummary.Trial trial = t.trial;
            String sentence = String.format("%s finished %,d requests in %s, %s the ideal of %s", t.name, t.requestsPerBatch(),
                    duration(trial.score().value()), ratio(trial), duration(trial.idealMillis()));
            long failed = trial.sent() - trial.count(OutcomeKind.SUCCESS);
            if (failed > 0) {
                sentence += String.format("; %,d of %,d requests did not succeed", failed, trial.sent());
            }
            if (trial.server() != null && trial.server().latenessMicros().p99() > 5_000) {
                sentence += String.format("; the stub itself was up to %.0f ms late (p99), which is the server's share",
                        trial.server().latenessMicros().p99() / 1000.0);
            }
            findings.add(sentence + ".");
        }
        return findings;
    }

    private static List<Row> rows(List<Labelled> trials) {
        List<Row> rows = new ArrayList<>();
        for (Labelled t : trials) {
            RunSummary.Trial trial = t.trial;
            var response = trial.response();
            StringBuilder outcomes = new StringBuilder();
            trial.outcomes().forEach((kind, n) -> {
                if (n > 0) {
                    outcomes.append(outcomes.isEmpty() ? "" : ", ").append(String.format("%,d", n)).append(' ')
                            .append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                }
            });
            rows.add(new Row(t.name, duration(trial.score().value()) + (trial.score().error() == null ? "" : " ± " + duration(trial.score().error())),
                    duration(trial.idealMillis()), trial.efficiency() == null ? "-" : String.format("%.2f", trial.efficiency()),
                    micros(response.p50()), micros(response.p90()), micros(response.p99()), micros(response.p999()), micros(response.max()),
                    outcomes.toString(), trial.server() == null ? "not measured" : String.format("%,d", trial.server().peakInFlight()),
                    trial.server() == null ? "not measured" : micros(trial.server().latenessMicros().p99()),
                    String.format("%,d", trial.peakThreads()),
                    String.format("%,d us", trial.cpuMicrosPerRequest()),
                    trial.allocBytesPerOp() == null || t.requestsPerBatch() == 0 ? "-"
                            : String.format("%,.1f KiB", trial.allocBytesPerOp() / t.requestsPerBatch() / 1024)));
        }
        return rows;
    }

    private static List<Bar> bars(List<Labelled> trials) {
        double longest = trials.stream().mapToDouble(t -> Math.max(t.trial.score().value(), t.trial.idealMillis())).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (Labelled t : trials) {
            bars.add(new Bar(t.name, duration(t.trial.score().value()), duration(t.trial.idealMillis()),
                    t.trial.efficiency() == null ? "-" : String.format("%.2f", t.trial.efficiency()),
                    100 * t.trial.score().value() / longest, 100 * t.trial.idealMillis() / longest));
        }
        return bars;
    }

    private static Map<String, Object> charts(List<Labelled> trials) {
        Map<String, Object> spectrum = new LinkedHashMap<>();
        List<Double> xs = new ArrayList<>();
        for (double p : PERCENTILES) {
            xs.add(1 / (1 - p / 100));
        }
        for (Series series : Series.values()) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Labelled t : trials) {
                Histogram h = t.run.run().total(t.trial, series);
                List<Double> ys = new ArrayList<>();
                for (double p : PERCENTILES) {
                    ys.add(h.getTotalCount() == 0 ? null : Math.max(0.001, h.getValueAtPercentile(p) / 1e6));
                }
                lines.add(Map.of("label", t.name, "y", ys));
            }
            spectrum.put(series.id(), Map.of("x", xs, "lines", lines));
        }
        return Map.of("spectrum", spectrum, "overTime", overTime(trials));
    }

    /**
     * Each trial's recording intervals on one time axis (seconds into its measured part, forks one
     * after another), so every series of a chart shares the x values; a trial without a value at
     * some x gets null there.
     */
    private static Map<String, Object> overTime(List<Labelled> trials) {
        java.util.TreeSet<Double> axis = new java.util.TreeSet<>();
        List<Map<Double, RunSummary.Interval>> perTrial = new ArrayList<>();
        for (Labelled t : trials) {
            Map<Double, RunSummary.Interval> byEnd = new java.util.TreeMap<>();
            double offset = 0;
            double forkEnd = 0;
            int fork = -1;
            double first = 0;
            for (RunSummary.Interval interval : t.trial.timeline()) {
                if (interval.fork() != fork) {
                    offset = forkEnd;
                    fork = interval.fork();
                    first = interval.startSeconds();
                }
                double end = Math.round((offset + interval.startSeconds() - first + interval.durationSeconds()) * 100) / 100.0;
                byEnd.put(end, interval);
                forkEnd = end;
            }
            axis.addAll(byEnd.keySet());
            perTrial.add(byEnd);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Map<Double, RunSummary.Interval> byEnd = perTrial.get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("label", trials.get(i).name);
            line.put("p50", column(axis, byEnd, iv -> Math.max(0.001, iv.p50Micros() / 1000.0)));
            line.put("p99", column(axis, byEnd, iv -> Math.max(0.001, iv.p99Micros() / 1000.0)));
            line.put("max", column(axis, byEnd, iv -> Math.max(0.001, iv.maxMicros() / 1000.0)));
            line.put("throughput", column(axis, byEnd, RunSummary.Interval::throughputPerSecond));
            line.put("clientInFlight", column(axis, byEnd, iv -> (double) iv.clientInFlight()));
            line.put("serverInFlight", column(axis, byEnd, iv -> iv.serverInFlight() == null ? null : iv.serverInFlight().doubleValue()));
            lines.add(line);
        }
        return Map.of("x", new ArrayList<>(axis), "lines", lines);
    }

    private static List<Double> column(java.util.Set<Double> axis, Map<Double, RunSummary.Interval> byEnd,
                                       java.util.function.Function<RunSummary.Interval, Double> value) {
        List<Double> column = new ArrayList<>();
        for (Double x : axis) {
            RunSummary.Interval interval = byEnd.get(x);
            column.add(interval == null ? null : value.apply(interval));
        }
        return column;
    }

    private static List<Setting> environment(RunFolderReader run) {
        List<Setting> settings = new ArrayList<>();
        settings.add(new Setting("run", run.id()));
        settings.add(new Setting("preset", run.summary().preset()));
        settings.add(new Setting("target", run.summary().target()));
        flatten("", run.environment(), settings);
        return settings;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, List<Setting> out) {
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                flatten(prefix + k + ".", (Map<String, Object>) nested, out);
            } else if (!k.equals("schemaVersion")) {
                out.add(new Setting(prefix + k, String.valueOf(v)));
            }
        });
    }

    static String duration(double millis) {
        if (millis >= 10_000) {
            return String.format("%.1f s", millis / 1000);
        }
        if (millis >= 1_000) {
            return String.format("%.2f s", millis / 1000);
        }
        return String.format("%.1f ms", millis);
    }

    static String micros(long micros) {
        return duration(micros / 1000.0);
    }

    private static String ratio(RunSummary.Trial trial) {
        return trial.idealMillis() <= 0 ? "against no" : String.format("%.2fx", trial.score().value() / trial.idealMillis());
    }
}

package dev.fanoutbench.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fanoutbench.bench.run.RunSummary;
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
public record ReportModel(String title, String subtitle, List<Setting> environment, List<String> warnings,
                          List<String> slaBreaches, List<List<String>> changes, List<Section> sections, List<RawFile> files,
                          String chartJson) {

    /** The percentiles on the spectrum's x axis, as HdrHistogram's plots draw them: x = 1 / (1 - p). */
    static final double[] PERCENTILES = {0, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 99.9999};
    static final String[] SERIES = {"response", "service", "dispatch"};

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
        List<String> warnings = new ArrayList<>();
        List<RawFile> files = new ArrayList<>();
        Map<String, List<Labelled>> byBenchmark = new LinkedHashMap<>();
        for (LabelledRun labelled : runs) {
            RunSummary summary = labelled.run().summary();
            String prefix = labelled.label().isEmpty() ? "" : labelled.label() + ": ";
            summary.warnings().forEach(w -> warnings.add(prefix + w));
            for (String raw : List.of("summary.json", "environment.json", "jmh.json")) {
                files.add(new RawFile(prefix + raw, labelled.linkPrefix() + raw));
            }
            for (RunSummary.Trial trial : summary.trials()) {
                byBenchmark.computeIfAbsent(trial.benchmark().replaceAll("\\..*", ""), k -> new ArrayList<>())
                        .add(new Labelled(labelled, trial));
                trial.files().forEach((name, path) -> {
                    if (name.startsWith("response")) {
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
            return new ReportModel(title, subtitle, environment(runs.get(0).run()), warnings, slaBreaches, List.of(), sections,
                    files, json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same report with a table of changes on top (a comparison): a header row, then one row per trial. */
    public ReportModel withChanges(List<List<String>> table) {
        return new ReportModel(title, subtitle, environment, warnings, slaBreaches, table, sections, files, chartJson);
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
            return trial.score().samples() == 0 ? trial.sent() : trial.sent() / trial.score().samples();
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
            long failed = trial.sent() - trial.outcomes().getOrDefault("SUCCESS", 0L);
            if (failed > 0) {
                sentence += String.format("; %,d of %,d requests did not succeed", failed, trial.sent());
            }
            if (trial.server().latenessMicros().p99Micros() > 5_000) {
                sentence += String.format("; the stub itself was up to %.0f ms late (p99), which is the server's share",
                        trial.server().latenessMicros().p99Micros() / 1000.0);
            }
            findings.add(sentence + ".");
        }
        return findings;
    }

    private static List<Row> rows(List<Labelled> trials) {
        List<Row> rows = new ArrayList<>();
        for (Labelled t : trials) {
            RunSummary.Trial trial = t.trial;
            var response = trial.latencyMicros().get("response");
            StringBuilder outcomes = new StringBuilder();
            trial.outcomes().forEach((kind, n) -> {
                if (n > 0) {
                    outcomes.append(outcomes.isEmpty() ? "" : ", ").append(String.format("%,d", n)).append(' ').append(kind.toLowerCase().replace('_', ' '));
                }
            });
            rows.add(new Row(t.name, duration(trial.score().value()) + (trial.score().error() == null ? "" : " ± " + duration(trial.score().error())),
                    duration(trial.idealMillis()), trial.efficiency() == null ? "-" : String.format("%.2f", trial.efficiency()),
                    micros(response.p50()), micros(response.p90()), micros(response.p99()), micros(response.p999()), micros(response.max()),
                    outcomes.toString(), String.format("%,d", trial.server().peakInFlight()),
                    micros(trial.server().latenessMicros().p99Micros()), String.format("%,d", trial.peakThreads()),
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
        for (String series : SERIES) {
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Labelled t : trials) {
                Histogram h = t.run.run().total(t.trial, series);
                List<Double> ys = new ArrayList<>();
                for (double p : PERCENTILES) {
                    ys.add(h.getTotalCount() == 0 ? null : Math.max(0.001, h.getValueAtPercentile(p) / 1000.0));
                }
                lines.add(Map.of("label", t.name, "y", ys));
            }
            spectrum.put(series, Map.of("x", xs, "lines", lines));
        }
        List<Map<String, Object>> overTime = new ArrayList<>();
        int longest = 0;
        for (Labelled t : trials) {
            List<RunFolderReader.Interval> intervals = t.run.run().intervals(t.trial, "response");
            longest = Math.max(longest, intervals.size());
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            for (RunFolderReader.Interval interval : intervals) {
                p50.add(Math.max(0.001, interval.histogram().getValueAtPercentile(50) / 1000.0));
                p99.add(Math.max(0.001, interval.histogram().getValueAtPercentile(99) / 1000.0));
            }
            overTime.add(Map.of("label", t.name, "p50", p50, "p99", p99));
        }
        List<Integer> iterations = new ArrayList<>();
        for (int i = 1; i <= longest; i++) {
            iterations.add(i);
        }
        return Map.of("spectrum", spectrum, "overTime", Map.of("x", iterations, "lines", overTime));
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

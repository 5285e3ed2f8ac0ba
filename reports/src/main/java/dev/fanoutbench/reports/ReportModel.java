package dev.fanoutbench.reports;

import java.util.List;

/**
 * Everything a report shows, ready to lay out: the template only places it. Charts get their data
 * as one JSON object; tables and sentences are ready-made strings. Built by {@link ReportBuilder}.
 */
public record ReportModel(String title, String subtitle, List<Setting> environment, List<String> failures,
                          List<NoteView> notes, List<String> slaBreaches, List<List<String>> changes, List<Section> sections,
                          List<RawFile> files, String chartJson) {

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
        return ReportBuilder.build(title, runs, slaBreaches);
    }

    /** The same report with a table of changes on top (a comparison): a header row, then one row per trial. */
    public ReportModel withChanges(List<List<String>> table) {
        return new ReportModel(title, subtitle, environment, failures, notes, slaBreaches, table, sections, files, chartJson);
    }
}

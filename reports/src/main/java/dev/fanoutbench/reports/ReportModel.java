package dev.fanoutbench.reports;

import java.util.List;

/**
 * Everything a report shows, ready to lay out: the template only places it. Charts get their data
 * as one JSON object; tables and sentences are ready-made strings. Built by {@link ReportBuilder}.
 *
 * @param notChecked what the self-checks could not check ("the target is not a fanout-bench stub,
 *                   so what it saw was not checked"), or empty when the stub answered for every trial
 */
public record ReportModel(
        String title,
        String subtitle,
        Glance glance,
        String glanceNote,
        List<KeyItem> glanceKey,
        List<Setting> environment,
        String notChecked,
        List<String> failures,
        List<NoteView> notes,
        List<String> slaBreaches,
        List<List<String>> changes,
        List<Section> sections,
        List<RawFile> files,
        String chartJson,
        Advising advising) {

    /**
     * What a workload run advises, shown first: the recommendation for a rate in its range, and each
     * client's capacity (its ceilings and its scalability law); null for a run without workload windows.
     */
    public record Advising(String heading, List<String> advice, List<String> capacity) {}

    /** What a colour of the at-a-glance table means. */
    public record KeyItem(String grade, String text) {}

    static final String RUN_GLANCE_NOTE =
            "Each cell is one model's result on one benchmark: the mean wall time of a batch against"
                    + " that model's own ideal (the physical best for how it schedules), or for the open model "
                    + "its p99 response time.";
    static final List<KeyItem> RUN_GLANCE_KEY = List.of(
            new KeyItem("good", "0.9 of ideal or better"),
            new KeyItem("fair", "0.6 to 0.9"),
            new KeyItem("poor", "below 0.6, or failures"));

    /** A note, once per kind, with the trials it concerns. */
    public record NoteView(String text, List<String> trials) {}

    public record Setting(String name, String value) {}

    public record RawFile(String label, String href) {}

    /**
     * @param windows a workload's windows, one row per offered rate and one column per model (the
     *                first row is the header); empty for the fixed benchmarks
     */
    public record Section(
            String id,
            String title,
            String lesson,
            List<String> findings,
            List<Row> rows,
            List<Bar> bars,
            List<List<String>> windows) {

        public boolean hasKnee() {
            return !windows.isEmpty();
        }
    }

    public record Row(
            String label,
            String score,
            String scoreError,
            String ideal,
            String efficiency,
            String p50,
            String p90,
            String p99,
            String p999,
            String max,
            String outcomes,
            String serverPeak,
            String stubLateP99,
            String threads,
            String cpuPerRequest,
            String allocPerRequest) {}

    /** Wall time against the ideal: widths in percent of the section's longest bar. */
    public record Bar(
            String label, String score, String ideal, String efficiency, double widthPercent, double idealPercent) {}

    /** A run and the label its series carry ("" for a single run, "A" and "B" in a comparison). */
    public record LabelledRun(String label, RunFolderReader run, String linkPrefix) {}

    public static ReportModel of(String title, List<LabelledRun> runs, List<String> slaBreaches) {
        return ReportBuilder.build(title, runs, slaBreaches);
    }

    /**
     * The same report as a comparison: its glance says what changed, and the full table of changes
     * (a header row, then one row per trial) follows.
     */
    public ReportModel asComparison(Glance changed, String note, List<String> reasons, List<List<String>> table) {
        List<String> all = new java.util.ArrayList<>(reasons);
        failures.stream().filter(f -> !reasons.contains(f)).forEach(all::add);
        return new ReportModel(
                title,
                subtitle,
                changed,
                note,
                List.of(new KeyItem("poor", "slower"), new KeyItem("good", "faster")),
                environment,
                notChecked,
                all,
                notes,
                slaBreaches,
                table,
                sections,
                files,
                chartJson,
                null);
    }

    /** Whether the report has any failure or SLA breach to show at the top. */
    public boolean passed() {
        return failures.isEmpty() && slaBreaches.isEmpty();
    }
}

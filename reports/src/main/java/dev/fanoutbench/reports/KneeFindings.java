package dev.fanoutbench.reports;

import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.KneeCause;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workload section's words and table: each model's knee and what limited it, and every window
 * side by side (offered rate down, models across), so the reader sees where each line bends.
 */
final class KneeFindings {

    private KneeFindings() {}

    static List<String> sentences(List<ShownTrial> trials, int cores) {
        List<String> sentences = new ArrayList<>();
        for (ShownTrial t : trials) {
            RunSummary.Trial trial = t.trial();
            Knee knee = Knee.of(trial);
            if (knee == null) {
                sentences.add(t.name() + ": the workload sets no SLO, so there is no knee; its windows are below.");
                continue;
            }
            RunSummary.Slo slo = trial.load().slo();
            String kneeText = knee.sustainedPerSecond() == null
                    ? "no knee: it missed the SLO at the first rate offered"
                    : String.format(
                            Locale.ROOT,
                            "knee at %s (the highest offered rate it sustained: p99 at most %s, at most"
                                    + " %s failed, at least %.0f%% carried)",
                            rate(knee.sustainedPerSecond()),
                            Format.duration(slo.p99Millis()),
                            percent(slo.errorRatio()),
                            Knee.ACHIEVED_SHARE * 100);
            String breach = knee.breach() == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; at %s: %s",
                            rate(knee.breach().window().offeredPerSecond()),
                            knee.breach().problem());
            Double highest = knee.highestMet();
            String recovered = highest == null
                            || knee.breach() == null
                            || highest < knee.breach().window().offeredPerSecond()
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " It met the SLO again at higher rates, up to %s: the first breach was a stall"
                                    + " rather than its ceiling (that window's timeline shows it).",
                            rate(highest));
            String stopped = trial.load().stopped() == null
                    ? ""
                    : " Its " + Knee.notRun(trial).size() + " later window(s) were not run: "
                            + trial.load().stopped() + ".";
            sentences.add(t.name() + ": " + kneeText + breach + ". What limited it: " + KneeCause.of(trial, knee, cores)
                    + "." + recovered + stopped);
        }
        return sentences;
    }

    /**
     * Header, then one row per window: each model's carried rate, p99 and failures, a cross where it missed the SLO.
     */
    static List<List<String>> table(List<ShownTrial> trials) {
        List<ShownTrial> workloads =
                trials.stream().filter(t -> t.trial().load() != null).toList();
        if (workloads.isEmpty()) {
            return List.of();
        }
        // every trial ran the same workload: its windows, in order, are the rows
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int m = 0; m < workloads.size(); m++) {
            RunSummary.Trial trial = workloads.get(m).trial();
            Knee knee = Knee.of(trial);
            List<Knee.Window> windows = knee == null ? Knee.windows(trial) : knee.windows();
            for (Knee.Window w : windows) {
                String[] row = rows.computeIfAbsent(w.window().label(), k -> new String[workloads.size()]);
                row[m] = String.format(
                        Locale.ROOT,
                        "%s%,.0f/s, p99 %s%s%s",
                        w.met() || knee == null ? "" : "\u2717 ",
                        w.achievedPerSecond(),
                        Format.duration(w.p99Millis()),
                        w.failed() == 0 ? "" : String.format(Locale.ROOT, ", %s failed", percent(w.errorRatio())),
                        w.dropped() == 0 ? "" : String.format(Locale.ROOT, " (%,d dropped)", w.dropped()));
            }
            for (RunSummary.LoadWindow notRun : Knee.notRun(trial)) {
                rows.computeIfAbsent(notRun.label(), k -> new String[workloads.size()])[m] = "not run: it had broken";
            }
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("window"));
        workloads.forEach(t -> header.add(t.name()));
        table.add(header);
        rows.forEach((label, cells) -> {
            List<String> line = new ArrayList<>(List.of(label));
            for (String cell : cells) {
                line.add(cell == null ? "-" : cell);
            }
            table.add(line);
        });
        return table;
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * ratio).replaceAll("\\.?0+%$", "%");
    }
}

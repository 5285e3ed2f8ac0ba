package dev.fanoutbench.reports;

import dev.fanoutbench.reports.capacity.Advice;
import dev.fanoutbench.reports.capacity.Capacity;
import dev.fanoutbench.reports.capacity.Ceiling;
import dev.fanoutbench.reports.capacity.RunCapacity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's opening section for a workload run: its advice for the middle of its range, and each capacity. */
final class Advising {

    private Advising() {}

    /** Null for a run without workload windows or without an SLO to advise against. */
    static ReportModel.Advising of(RunFolderReader run) {
        List<Capacity> capacities = RunCapacity.of(run.summary(), run.environment());
        Double p99 = RunCapacity.sloP99Millis(run.summary());
        double rate = RunCapacity.middleRate(run.summary());
        if (capacities.isEmpty() || p99 == null || rate <= 0) {
            return null;
        }
        int cores = RunCapacity.clientCores(run.environment());
        Advice advice = Advice.of(capacities, rate, cores, p99, Advice.DEFAULT_HEADROOM);
        List<String> lines = advice.lines();
        String heading = String.format(
                Locale.ROOT,
                "What to run at %,.0f requests/s (the middle of this workload's range; for another rate:"
                        + " bench.jar advise %s --rate R)",
                rate,
                run.folder());
        List<String> capacity = new ArrayList<>();
        for (Capacity c : capacities) {
            capacity.add(describe(c));
        }
        return new ReportModel.Advising(heading, lines.subList(1, lines.size()), capacity);
    }

    static String describe(Capacity c) {
        Ceiling limit = c.limit();
        String measured = c.kneePerSecond() == null
                ? "no knee measured"
                : String.format(Locale.ROOT, "knee measured at %,.0f/s", c.kneePerSecond());
        String predicted = limit == null
                ? "no ceiling in its data"
                : String.format(
                        Locale.ROOT,
                        "predicted %,.0f/s by its %s (%s)",
                        limit.perSecond(),
                        limit.resource(),
                        limit.why());
        String law = c.usl() == null
                ? String.format(
                        Locale.ROOT,
                        "%d point(s) below the knee: the scalability law needs %d",
                        c.points().size(),
                        dev.fanoutbench.reports.capacity.Usl.MIN_POINTS)
                : String.format(
                        Locale.ROOT,
                        "scalability law on %d points: sigma %.4f, kappa %.6f, throughput peaks at %,.0f in flight",
                        c.points().size(),
                        c.usl().sigma(),
                        c.usl().kappa(),
                        c.usl().peakConcurrency());
        return String.format(
                Locale.ROOT,
                "%s: %s; %s; service time %.0f ms; %s.",
                c.model(),
                measured,
                predicted,
                c.serviceMillis(),
                law);
    }
}

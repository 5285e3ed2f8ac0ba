package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.HistogramLogs;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The generators' recording intervals as one timeline. Each generator cuts its intervals at the same period from
 * each window's start, and the windows start together at the barrier, so an interval of generator i lines up with
 * one of generator 0's: the one whose start (on generator 0's clock) is nearest, if within half an interval. Those
 * are added (counts summed, histograms added); an interval with no partner stays on its own.
 */
final class TimelineMerge {

    private TimelineMerge() {}

    /**
     * @param responses each generator's response-time intervals, in the order of {@code parts}, on generator 0's
     *                  clock: one per timeline interval, as the recorder writes them together
     */
    static List<RunSummary.Interval> of(List<GeneratorMerge.Part> parts, List<List<Histogram>> responses) {
        List<Slot> slots = new ArrayList<>();
        // generator 0's base: its first interval's start on the wall clock, minus its offset in the timeline
        List<RunSummary.Interval> leader = parts.get(0).record().timeline();
        List<Histogram> leaderLogs = responses.get(0);
        double baseMillis = leader.isEmpty() || leaderLogs.isEmpty()
                ? 0
                : leaderLogs.get(0).getStartTimeStamp() - leader.get(0).startSeconds() * 1000;
        for (int g = 0; g < parts.size(); g++) {
            List<RunSummary.Interval> timeline = parts.get(g).record().timeline();
            List<Histogram> logs = responses.get(g);
            if (logs.size() != timeline.size()) {
                throw new dev.fanoutbench.results.BadInputException(
                        parts.get(g).runDir() + ": " + timeline.size() + " intervals in the" + " record, " + logs.size()
                                + " in its log: a record and log of different runs");
            }
            for (int i = 0; i < timeline.size(); i++) {
                Histogram h = logs.get(i);
                Slot slot = g == 0 ? null : nearest(slots, h.getStartTimeStamp());
                if (slot == null) {
                    slots.add(new Slot(h.getStartTimeStamp(), timeline.get(i), h));
                } else {
                    slot.add(timeline.get(i), h);
                }
            }
        }
        slots.sort(Comparator.comparingLong(s -> s.startMillis));
        List<RunSummary.Interval> merged = new ArrayList<>();
        for (Slot slot : slots) {
            merged.add(slot.interval(baseMillis));
        }
        return merged;
    }

    private static Slot nearest(List<Slot> slots, long startMillis) {
        Slot best = null;
        long distance = Long.MAX_VALUE;
        for (Slot slot : slots) {
            long d = Math.abs(slot.startMillis - startMillis);
            if (d < distance) {
                distance = d;
                best = slot;
            }
        }
        return best != null && distance * 2 <= Math.max(1, best.endMillis - best.startMillis) ? best : null;
    }

    /** One merged interval in the making. */
    private static final class Slot {
        final long startMillis;
        long endMillis;
        final Histogram response = new Histogram(3);
        final RunSummary.Interval first;
        long sent;
        long completed;
        long clientInFlight;
        final Map<OutcomeKind, Long> failed = new EnumMap<>(OutcomeKind.class);

        Slot(long startMillis, RunSummary.Interval interval, Histogram h) {
            this.startMillis = startMillis;
            this.endMillis = h.getEndTimeStamp();
            this.first = interval;
            add(interval, h);
        }

        void add(RunSummary.Interval interval, Histogram h) {
            endMillis = Math.max(endMillis, h.getEndTimeStamp());
            response.add(h);
            sent += interval.sent();
            completed += interval.completed();
            clientInFlight += interval.clientInFlight();
            interval.failed().forEach((kind, n) -> failed.merge(kind, n, Long::sum));
        }

        RunSummary.Interval interval(double baseMillis) {
            return new RunSummary.Interval(
                    1,
                    (startMillis - baseMillis) / 1000,
                    (endMillis - startMillis) / 1000.0,
                    sent,
                    completed,
                    Map.copyOf(failed),
                    clientInFlight,
                    first.serverInFlight(), // generator 0's: only it asks the stub
                    HistogramLogs.micros(response.getValueAtPercentile(50)),
                    HistogramLogs.micros(response.getValueAtPercentile(99)),
                    HistogramLogs.micros(response.getMaxValue()));
        }
    }
}

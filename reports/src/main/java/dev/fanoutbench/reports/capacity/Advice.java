package dev.fanoutbench.reports.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * For a target rate: which clients of a run meet the SLO with headroom, each with its setting and
 * the cores it needs, ranked by cores; and which cannot, each with one sentence from its data.
 *
 * @param rate     the requests per second to carry
 * @param cores    the cores the service will have
 * @param p99Millis the SLO's p99
 * @param headroom the share above the rate every setting allows for (0.25: sized for 1.25 x the rate)
 */
public record Advice(double rate, int cores, double p99Millis, double headroom, List<Fit> fits, List<Misfit> misfits) {

    /** The headroom unless told otherwise: a quarter above the rate, for bursts and for the model's error. */
    public static final double DEFAULT_HEADROOM = 0.25;

    /** Default stack of a platform thread on 64-bit Linux (-Xss): reserved, committed as it is used. */
    static final int STACK_MIB = 1;

    /**
     * A client that meets the SLO at the rate.
     *
     * @param setting   what to configure, with its cost
     * @param coresNeeded the client's CPU at the rate with the utilisation allowed, in cores
     * @param evidence  measured on this run, or predicted from its ceilings
     */
    public record Fit(String model, String setting, double coresNeeded, String evidence) {}

    /** A client that cannot, and why. */
    public record Misfit(String model, String why) {}

    /** @param capacities one per workload trial of a run */
    public static Advice of(List<Capacity> capacities, double rate, int cores, double p99Millis, double headroom) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("the rate must be above 0, got " + rate);
        }
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1, got " + cores);
        }
        List<Fit> fits = new ArrayList<>();
        List<Misfit> misfits = new ArrayList<>();
        double sized = rate * (1 + headroom);
        for (Capacity c : capacities) {
            String name = c.model();
            if (c.p99Millis() > p99Millis) {
                misfits.add(new Misfit(
                        name,
                        String.format(
                                Locale.ROOT,
                                "even at its lightest load its p99 was %,.0f ms, above the SLO's %,.0f ms",
                                c.p99Millis(),
                                p99Millis)));
                continue;
            }
            // Little's law: what must be in flight to carry the sized rate on calls of W
            int inFlight = (int) Math.ceil(sized * c.serviceMillis() / 1000);
            boolean sequential = name.startsWith("sequential");
            if (sequential && inFlight > 1) {
                misfits.add(new Misfit(
                        name,
                        String.format(
                                Locale.ROOT,
                                "one request at a time on calls of %.0f ms carries at most %,.0f/s",
                                c.serviceMillis(),
                                1000 / c.serviceMillis())));
                continue;
            }
            boolean pool = c.threadCap() > 0;
            Capacity there = c.predict(new Capacity.Change(pool ? inFlight : null, cores, null));
            Ceiling limit = there.ceilings().stream()
                    .filter(ceiling -> !ceiling.resource().equals("pool"))
                    .min(Comparator.comparingDouble(Ceiling::perSecond))
                    .orElse(null);
            boolean measuredHere = cores == c.cores() && c.kneePerSecond() != null;
            if (measuredHere && (!pool || inFlight <= c.threadCap()) && c.kneePerSecond() < sized) {
                misfits.add(new Misfit(
                        name,
                        String.format(
                                Locale.ROOT,
                                "measured: its knee on %d core(s) was %,.0f/s, below %,.0f/s (the rate and %.0f%% headroom)",
                                c.cores(),
                                c.kneePerSecond(),
                                sized,
                                headroom * 100)));
                continue;
            }
            // a knee measured on these cores outweighs a ceiling predicted below it: the prediction is the estimate
            boolean provenHere = measuredHere && (!pool || inFlight <= c.threadCap()) && c.kneePerSecond() >= sized;
            if (!provenHere && limit != null && limit.perSecond() < sized) {
                misfits.add(new Misfit(
                        name,
                        String.format(
                                Locale.ROOT,
                                "predicted: its %s allows about %,.0f/s, below %,.0f/s: %s",
                                limit.resource(),
                                limit.perSecond(),
                                sized,
                                limit.why())));
                continue;
            }
            String setting = pool
                    ? String.format(
                            Locale.ROOT,
                            "a pool of %,d threads (ceil(%,.0f/s x %.3f s); about %,d MiB of stack reserved)",
                            inFlight,
                            sized,
                            c.serviceMillis() / 1000,
                            inFlight * STACK_MIB)
                    : String.format(
                            Locale.ROOT,
                            "at most %,d in flight (ceil(%,.0f/s x %.3f s), Little's law)",
                            inFlight,
                            sized,
                            c.serviceMillis() / 1000);
            double coresNeeded = c.clientCpuMicros() == null
                    ? Double.NaN
                    : rate * c.clientCpuMicros() / 1e6 / Capacity.CPU_UTILISATION;
            String evidence = provenHere
                    ? String.format(
                            Locale.ROOT, "measured: it sustained %,.0f/s on %d core(s)", c.kneePerSecond(), c.cores())
                    : String.format(
                            Locale.ROOT,
                            "predicted: its smallest ceiling on %d core(s) is %s",
                            cores,
                            limit == null
                                    ? "not in the data"
                                    : String.format(Locale.ROOT, "%,.0f/s (%s)", limit.perSecond(), limit.resource()));
            fits.add(new Fit(name, setting, coresNeeded, evidence));
        }
        fits.sort(Comparator.comparingDouble(f -> Double.isNaN(f.coresNeeded()) ? Double.MAX_VALUE : f.coresNeeded()));
        return new Advice(rate, cores, p99Millis, headroom, List.copyOf(fits), List.copyOf(misfits));
    }

    /** The advice as lines of text: the heading, each fit ranked, then each misfit. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "For %,.0f requests/s within p99 %,.0f ms on %d core(s), sized for %.0f%% above the rate:",
                rate,
                p99Millis,
                cores,
                headroom * 100));
        if (fits.isEmpty()) {
            lines.add("  no client of this run meets it.");
        }
        int rank = 1;
        for (Fit fit : fits) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  %d. %s: %s; needs %s; %s",
                    rank++,
                    fit.model(),
                    fit.setting(),
                    Double.isNaN(fit.coresNeeded())
                            ? "cores unknown (no CPU per request)"
                            : String.format(Locale.ROOT, "%.2f core(s)", fit.coresNeeded()),
                    fit.evidence()));
        }
        for (Misfit misfit : misfits) {
            lines.add("  not " + misfit.model() + ": " + misfit.why());
        }
        return lines;
    }
}

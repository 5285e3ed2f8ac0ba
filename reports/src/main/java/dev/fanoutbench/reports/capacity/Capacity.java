package dev.fanoutbench.reports.capacity;

import dev.fanoutbench.results.Knee;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What one workload trial says about its model's capacity: the points it measured below its knee,
 * the Universal Scalability Law fitted to them, and the ceiling of each resource it used, each
 * named; the smallest ceiling is the predicted knee. Every number comes from the trial's own data
 * (docs/capacity.md gives each formula and its source).
 *
 * @param model          the client, as the run names it
 * @param serviceMillis  W: the mean response time at the lowest rate offered, when nothing queued
 * @param p99Millis      the p99 at that rate
 * @param clientCpuMicros c: the client's CPU per request, null where the run could not decide it
 * @param stubCpuMicros  the stub's CPU per request, null when not measured
 * @param stubShares     the stub ran on the client's cores, so its CPU per request is taken from them
 * @param threadCap      a fixed pool's threads, 0 for none
 * @param maxInFlight    the client's in-flight cap in the run
 * @param cores          the cores the measurement ran on (the machine's, or those pinned)
 * @param kneePerSecond  the measured knee, null if it broke at the first rate offered
 * @param points         (N, X) of every window met below the knee, N by Little's law
 * @param usl            the law fitted to the points, null with fewer than six
 * @param ceilings       every resource's ceiling, smallest first
 */
public record Capacity(
        String model,
        double serviceMillis,
        double p99Millis,
        Double clientCpuMicros,
        Double stubCpuMicros,
        boolean stubShares,
        int threadCap,
        int maxInFlight,
        int cores,
        Double kneePerSecond,
        List<Usl.Point> points,
        Usl usl,
        List<Ceiling> ceilings) {

    /** The share of a core's time a model can use before queueing on the cores dominates its latency. */
    public static final double CPU_UTILISATION = 0.75;

    /**
     * What a prediction changes: the pool, the client's cores, the API's response time, whether the stub shares the
     * client's cores (each null: as measured).
     */
    public record Change(Integer threadCap, Integer cores, Double serviceMillis, Boolean stubShares) {
        public static final Change NONE = new Change(null, null, null, null);

        public Change(Integer threadCap, Integer cores, Double serviceMillis) {
            this(threadCap, cores, serviceMillis, null);
        }
    }

    /**
     * The capacity of a workload trial.
     *
     * @param cores     the cores the client had (the machine's, or its pinned share)
     * @param stubLocal the stub ran on the same cores, so its CPU is taken from the client's
     * @return null for a trial without windows
     */
    public static Capacity of(RunSummary.Trial trial, int cores, boolean stubLocal) {
        if (trial.load() == null || trial.iterations().isEmpty()) {
            return null;
        }
        List<Knee.Window> windows = Knee.windows(trial);
        Knee knee = trial.load().slo() == null ? null : Knee.of(trial);
        List<RunSummary.Iteration> iterations = trial.iterations();
        // the least loaded window: its mean is the service time before anything queued
        int lightest = 0;
        for (int i = 1; i < windows.size(); i++) {
            if (rate(windows.get(i)) < rate(windows.get(lightest))) {
                lightest = i;
            }
        }
        double serviceMillis = meanMillis(iterations, lightest + 1);
        double p99Millis = windows.isEmpty() ? 0 : windows.get(lightest).p99Millis();
        List<Usl.Point> points = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Knee.Window w = knee == null ? windows.get(i) : knee.windows().get(i);
            boolean belowKnee = knee == null || (knee.breach() == null || rate(w) < rate(knee.breach()));
            if (belowKnee && (knee == null || w.met()) && w.achievedPerSecond() > 0) {
                double n = w.achievedPerSecond() * meanMillis(iterations, i + 1) / 1000; // Little's law: N = X W
                points.add(new Usl.Point(n, w.achievedPerSecond()));
            }
        }
        Usl usl = null;
        if (points.size() >= Usl.MIN_POINTS) {
            try {
                usl = Usl.fit(points);
            } catch (IllegalArgumentException | org.apache.commons.math3.exception.MathIllegalStateException e) {
                usl = null; // no fit is a finding the reader sees as "no scalability law", not a failed report
            }
        }
        Double client = trial.cpuMicrosPerRequest() == null
                ? null
                : trial.cpuMicrosPerRequest().doubleValue();
        Double stub = trial.server() != null ? trial.server().cpuMicrosPerRequest() : null;
        Capacity measured = new Capacity(
                trial.model(),
                serviceMillis,
                p99Millis,
                client,
                stub,
                stubLocal,
                trial.threadCap(),
                trial.load().maxInFlight(),
                cores,
                knee == null ? null : knee.sustainedPerSecond(),
                List.copyOf(points),
                usl,
                List.of());
        return measured.withCeilings(Change.NONE);
    }

    /** The predicted knee: the smallest ceiling. */
    public Ceiling limit() {
        return ceilings.isEmpty() ? null : ceilings.get(0);
    }

    /** This capacity under changed resources, its ceilings recomputed (the scaling law's only when nothing changed). */
    public Capacity predict(Change change) {
        return withCeilings(change);
    }

    private Capacity withCeilings(Change change) {
        // another pool size says nothing about a model that has none
        int pool = change.threadCap() != null && threadCap > 0 ? change.threadCap() : threadCap;
        int k = change.cores() != null ? change.cores() : cores;
        double w = change.serviceMillis() != null ? change.serviceMillis() : serviceMillis;
        boolean shares = change.stubShares() != null ? change.stubShares() : stubShares;
        Double stub = shares ? stubCpuMicros : null;
        List<Ceiling> found = new ArrayList<>();
        if (pool > 0 && w > 0) {
            found.add(new Ceiling(
                    "pool",
                    pool / (w / 1000),
                    String.format(
                            Locale.ROOT,
                            "%d threads on calls of %.0f ms pass at most %d / %.3f s = %,.0f/s (Little's law)",
                            pool,
                            w,
                            pool,
                            w / 1000,
                            pool / (w / 1000))));
        }
        if (clientCpuMicros != null && clientCpuMicros > 0 && k > 0) {
            double perRequest = clientCpuMicros + (stub == null ? 0 : stub);
            double ceiling = k * CPU_UTILISATION / (perRequest / 1e6);
            String shared =
                    stub == null ? "" : String.format(Locale.ROOT, " plus the stub's %.0f us on the same cores", stub);
            found.add(new Ceiling(
                    "cores",
                    ceiling,
                    String.format(
                            Locale.ROOT,
                            "%d core(s) at %.0f%% busy, %.0f us of client CPU per request%s: about %,.0f/s",
                            k,
                            CPU_UTILISATION * 100,
                            clientCpuMicros,
                            shared,
                            ceiling)));
        }
        if (maxInFlight > 0 && w > 0) {
            found.add(new Ceiling(
                    "in-flight cap",
                    maxInFlight / (w / 1000),
                    String.format(
                            Locale.ROOT,
                            "the client's cap of %,d in flight on calls of %.0f ms: %,.0f/s",
                            maxInFlight,
                            w,
                            maxInFlight / (w / 1000))));
        }
        if (usl != null && change.equals(Change.NONE) && Double.isFinite(usl.peakThroughput())) {
            found.add(new Ceiling(
                    "scaling",
                    usl.peakThroughput(),
                    String.format(
                            Locale.ROOT,
                            "the scalability law fitted below the knee (sigma %.4f, kappa %.6f) peaks at %,.0f/s"
                                    + " with %,.0f in flight",
                            usl.sigma(),
                            usl.kappa(),
                            usl.peakThroughput(),
                            usl.peakConcurrency())));
        }
        found.sort(Comparator.comparingDouble(Ceiling::perSecond));
        return new Capacity(
                model,
                w,
                p99Millis,
                clientCpuMicros,
                stubCpuMicros,
                shares,
                pool,
                maxInFlight,
                k,
                kneePerSecond,
                points,
                usl,
                List.copyOf(found));
    }

    private static double rate(Knee.Window w) {
        return w.window().offeredPerSecond() > 0 ? w.window().offeredPerSecond() : w.achievedPerSecond();
    }

    /** A window's mean response time over its forks, in milliseconds. */
    private static double meanMillis(List<RunSummary.Iteration> iterations, int index) {
        return iterations.stream()
                        .filter(it -> it.index() == index)
                        .mapToLong(RunSummary.Iteration::meanMicros)
                        .average()
                        .orElse(0)
                / 1000;
    }
}

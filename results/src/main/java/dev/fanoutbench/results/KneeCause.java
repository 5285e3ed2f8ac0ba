package dev.fanoutbench.results;

import dev.fanoutbench.results.RunSummary.Trial;
import java.util.Locale;

/**
 * Why a model broke where it did, from its own numbers: a fixed pool by Little's law, a client that
 * could not keep up (requests dropped at its in-flight cap), failures by kind, the CPU its requests need at that
 * rate, or the stub's own lateness. Tried in that
 * order, since a pool's ceiling holds whatever else is true.
 */
public final class KneeCause {

    /** A pool is the limit when it was offered at least this share of what Little's law lets it pass. */
    static final double POOL_SHARE = 0.9;
    /** Below this share of the machine's cores, CPU is not called the limit (the stub shares them). */
    static final double CPU_SHARE = 0.5;

    private KneeCause() {}

    /** One sentence, or null if the trial did not breach its SLO. */
    public static String of(Trial trial, Knee knee, int cores) {
        Knee.Window breach = knee.breach();
        if (breach == null) {
            return "it met the SLO at every rate offered: its knee is above this workload's highest step";
        }
        double offered = breach.window().offeredPerSecond();
        double unloadedMillis = knee.windows().stream()
                .filter(w -> w.window().offeredPerSecond() > 0)
                .mapToDouble(Knee.Window::p50Millis)
                .min()
                .orElse(0);
        if (trial.threadCap() > 0 && unloadedMillis > 0) {
            double ceiling = trial.threadCap() / (unloadedMillis / 1000);
            if (offered >= POOL_SHARE * ceiling) {
                return String.format(
                        Locale.ROOT,
                        "its pool: %d thread(s) on calls of %.0f ms pass at most %d / %.3f s = %,.0f/s"
                                + " (Little's law), and it was offered %,.0f/s",
                        trial.threadCap(),
                        unloadedMillis,
                        trial.threadCap(),
                        unloadedMillis / 1000,
                        ceiling,
                        offered);
            }
        }
        if (breach.dropped() > 0 && 2 * breach.dropped() >= breach.failed()) {
            return String.format(
                    Locale.ROOT,
                    "the client could not keep up: at %,.0f/s, %,d of the %,d requests due were"
                            + " dropped because it already held %,d in flight (the cap that keeps its memory bounded)",
                    offered,
                    breach.dropped(),
                    breach.sent(),
                    trial.load().maxInFlight());
        }
        if (breach.errorRatio() > 0.01) {
            return String.format(
                    Locale.ROOT,
                    "failures: %.1f%% of the requests at %,.0f/s failed; over the trial, %s",
                    100 * breach.errorRatio(),
                    offered,
                    FailureWords.describe(trial.outcomes(), trial.httpErrorStatuses()));
        }
        double coresNeeded = trial.cpuMicrosPerRequest() == null ? 0 : offered * trial.cpuMicrosPerRequest() / 1e6;
        if (cores > 0 && coresNeeded >= CPU_SHARE * cores) {
            return String.format(
                    Locale.ROOT,
                    "CPU: at %,.0f/s its %d us of CPU per request need %.1f of the machine's %d cores,"
                            + " which the stub shares",
                    offered,
                    trial.cpuMicrosPerRequest(),
                    coresNeeded,
                    cores);
        }
        if (trial.server() != null && trial.server().latenessMicros().p99() / 1000.0 > breach.p99Millis() / 2) {
            return String.format(
                    Locale.ROOT,
                    "the stub: it was itself up to %,.0f ms late (p99), the server's share",
                    trial.server().latenessMicros().p99() / 1000.0);
        }
        return String.format(
                Locale.ROOT,
                "at %,.0f/s (%s) no resource in the data was saturated: CPU %.1f of %d cores," + " no pool ceiling",
                offered,
                breach.problem(),
                coresNeeded,
                cores);
    }
}

package dev.fanoutbench.bench.scenario;

import dev.fanoutbench.bench.model.Outcome;
import dev.fanoutbench.results.OutcomeKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one scenario run on one model did: its wall time next to the ideal, and every outcome.
 *
 * @param idealNanos the physical best for this model ({@code efficiency = ideal / wall})
 * @param notes      scenario-specific facts, in words ("server peak in flight: 10")
 */
public record ScenarioResult(
        String scenario, String model, long wallNanos, long idealNanos, List<Outcome> outcomes, List<String> notes) {

    public Duration wall() {
        return Duration.ofNanos(wallNanos);
    }

    public double efficiency() {
        return wallNanos == 0 ? 0 : (double) idealNanos / wallNanos;
    }

    public Map<OutcomeKind, Long> counts() {
        return outcomes.stream()
                .collect(Collectors.groupingBy(
                        Outcome::kind, () -> new EnumMap<>(OutcomeKind.class), Collectors.counting()));
    }

    public long count(OutcomeKind kind) {
        return counts().getOrDefault(kind, 0L);
    }

    /** One line: "fan-out on vertx: 203 ms (ideal 200 ms, 0.99x) SUCCESS=3". */
    public String summary() {
        String ideal = idealNanos == 0
                ? "no ideal"
                : String.format("ideal %d ms, efficiency %.2f", idealNanos / 1_000_000, efficiency());
        return String.format(
                "%s on %s: %d ms (%s) %s%s",
                scenario,
                model,
                wallNanos / 1_000_000,
                ideal,
                counts(),
                notes.isEmpty() ? "" : " | " + String.join("; ", notes));
    }
}

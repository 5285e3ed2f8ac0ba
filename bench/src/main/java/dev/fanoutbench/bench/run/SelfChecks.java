package dev.fanoutbench.bench.run;

import dev.fanoutbench.bench.jmh.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what a trial recorded into warnings a reader cannot miss: anything that would make the
 * score mean something other than "how this model waits".
 */
final class SelfChecks {

    /** Above this, the stub's own queueing is large enough to blur a client comparison. */
    static final long LATE_P99_MICROS = 5_000;

    private SelfChecks() {}

    static List<String> of(TrialRecord record) {
        List<String> warnings = new ArrayList<>();
        long ended = record.outcomes().values().stream().mapToLong(Long::longValue).sum();
        if (ended != record.sent()) {
            warnings.add("outcomes do not add up: " + record.sent() + " requests sent, " + ended + " ended");
        }
        long lost = record.outcomes().getOrDefault("LOST", 0L);
        if (lost > 0) {
            warnings.add(lost + " requests lost: started and never finished");
        }
        long failed = ended - record.outcomes().getOrDefault("SUCCESS", 0L) - lost;
        if (failed > 0) {
            warnings.add(failed + " of " + ended + " requests failed: " + failuresOnly(record.outcomes()));
        }
        long lateP99 = record.server().latenessMicros().p99Micros();
        if (lateP99 > LATE_P99_MICROS) {
            warnings.add(String.format("the stub was the bottleneck at times: its own p99 lateness was %.1f ms"
                    + " (server queueing, not the client's)", lateP99 / 1000.0));
        }
        if (record.threadCap() > 0 && record.threadCap() < record.offeredConcurrency()) {
            warnings.add("a pool of " + record.threadCap() + " threads is below the offered concurrency of "
                    + record.offeredConcurrency() + ": it runs in waves (by design, a realistic fixed pool)");
        }
        if (record.pinnedEvents() > 0) {
            warnings.add(record.pinnedEvents() + " virtual-thread pinning events (JFR jdk.VirtualThreadPinned), mostly at "
                    + record.pinnedAt().keySet().stream().findFirst().orElse("?"));
        }
        if (record.blockedThreadWarnings() > 0) {
            warnings.add("Vert.x reported its event loop blocked " + record.blockedThreadWarnings() + " times");
        }
        return warnings;
    }

    static boolean addsUp(TrialRecord record) {
        long ended = record.outcomes().values().stream().mapToLong(Long::longValue).sum();
        return ended == record.sent() && record.outcomes().getOrDefault("LOST", 0L) == 0;
    }

    private static String failuresOnly(Map<String, Long> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((kind, n) -> {
            if (!kind.equals("SUCCESS") && n > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(kind);
            }
        });
        return text.toString();
    }
}

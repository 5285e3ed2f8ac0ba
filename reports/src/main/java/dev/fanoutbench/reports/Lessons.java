package dev.fanoutbench.reports;

import dev.fanoutbench.results.Lesson;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Each benchmark's lesson, in the order of docs/lessons.md: a short name for the at-a-glance
 * table, a title, and two sentences opening its section of the report. The name and title say
 * what ran, so they are written from the trial's own parameters, never from the benchmark's
 * defaults; the lesson's sentences keep the tutorial's figures.
 */
final class Lessons {

    /**
     * @param shortName the generic name, when a trial lacks a parameter {@code named} needs (an older summary)
     * @param title     the generic title, likewise
     * @param shows     the parameters {@code named} and {@code titled} write from
     * @param titled    null when the title names no size
     */
    record Words(
            Lesson lesson,
            String shortName,
            String title,
            String text,
            List<String> shows,
            Function<Sizes, String> named,
            Function<Sizes, String> titled) {

        String shortName(Map<String, String> params) {
            return writable(params) ? named.apply(new Sizes(params)) : shortName;
        }

        String title(Map<String, String> params) {
            return titled != null && writable(params) ? titled.apply(new Sizes(params)) : title;
        }

        /** The parameters the name shows, of these: none when it falls back to the generic one. */
        List<String> inName(Map<String, String> params) {
            return writable(params) ? shows : List.of();
        }

        List<String> inTitle(Map<String, String> params) {
            return titled != null && writable(params) ? shows : List.of();
        }

        private boolean writable(Map<String, String> params) {
            return shows.stream().allMatch(p -> Sizes.number(params.get(p)) != null);
        }
    }

    /** A trial's parameters as its name and title write them. */
    record Sizes(Map<String, String> params) {

        /** "10,000". */
        String count(String param) {
            return String.format(Locale.ROOT, "%,d", number(params.get(param)));
        }

        /** "200 ms", "1 s", "2.5 s". */
        String millis(String param) {
            long millis = number(params.get(param));
            return millis < 1000
                    ? millis + " ms"
                    : BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
        }

        static Long number(String value) {
            try {
                return value == null ? null : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** In the lessons' order: fan-out (1) first, the open model (no number) last. */
    static final List<Words> IN_ORDER = List.of(
            new Words(
                    Lesson.FAN_OUT,
                    "fan-out",
                    "Fan-out: slow calls, in turn or together (lesson 1)",
                    "Waiting on I/O one call after another wastes the wait; issuing the calls together costs "
                            + "about one wait."
                            + " The tutorial's 3 calls of 2 s took 6.12 s in turn and 2.05 s together.",
                    List.of("calls", "delayMs"),
                    s -> "fan-out, " + s.count("calls") + " x " + s.millis("delayMs"),
                    s -> "Fan-out: " + s.count("calls") + " slow calls of " + s.millis("delayMs") + " (lesson 1)"),
            new Words(
                    Lesson.BOUNDED_BATCH,
                    "bounded",
                    "Bounded concurrency: many calls, at most N in flight (lesson 5)",
                    "Thousands of tasks with a semaphore of N cost ceil(total / N) waits, and spare the server."
                            + " The tutorial's 1,000 tasks, 10 at once, 1 s each, took 100.52 s against an "
                            + "ideal of 100 s.",
                    List.of("batchSize", "delayMs", "limit"),
                    s -> "bounded, " + s.count("batchSize") + " x " + s.millis("delayMs") + ", " + s.count("limit")
                            + " at once",
                    s -> "Bounded concurrency: " + s.count("batchSize") + " calls of " + s.millis("delayMs")
                            + ", at most " + s.count("limit") + " in flight (lesson 5)"),
            new Words(
                    Lesson.BLOCKING_LOOP,
                    "blocking call",
                    "Blocking the event loop (lesson 9)",
                    "A blocking library called from the event loop blocks everything: async code becomes as "
                            + "slow as sync."
                            + " Moved to a worker pool, the same calls are concurrent again.",
                    List.of("requests", "delayMs"),
                    s -> "blocking call, " + s.count("requests") + " x " + s.millis("delayMs"),
                    null),
            new Words(
                    Lesson.CPU_WORK,
                    "CPU work",
                    "CPU-bound work (lesson 11)",
                    "CPU-bound work gains nothing from async: it needs other cores."
                            + " The tutorial's two CPU loops took twice as long as one; on an event loop the "
                            + "work also delays every other response.",
                    List.of("requests", "delayMs", "cpuMs"),
                    s -> "CPU work, " + s.count("requests") + " x (" + s.millis("delayMs") + " + " + s.millis("cpuMs")
                            + " CPU)",
                    null),
            new Words(
                    Lesson.HIGH_CONCURRENCY,
                    "many in flight",
                    "Many in flight: what each waiting request costs (lesson 12)",
                    "Threads and async differ in who schedules and what a waiting request holds: a whole "
                            + "thread, or a small object."
                            + " Virtual threads and an event loop wait on a handful of platform threads; a "
                            + "fixed pool runs in waves.",
                    List.of("inFlight", "delayMs"),
                    s -> s.count("inFlight") + " in flight x " + s.millis("delayMs"),
                    s -> s.count("inFlight") + " in flight: what each waiting request costs (lesson 12)"),
            new Words(
                    Lesson.OPEN_MODEL,
                    "open model: p99",
                    "Open model: a constant arrival rate",
                    "Async does not make a single call faster; it stops the program from wasting the time it waits."
                            + " Requests arrive on a schedule, and latency counts from when each was due, so a "
                            + "client that falls behind shows it.",
                    List.of("ratePerSecond", "durationSeconds"),
                    s -> "open model, " + s.count("ratePerSecond") + " req/s for " + s.count("durationSeconds")
                            + " s: p99",
                    s -> "Open model: a constant arrival rate, " + s.count("ratePerSecond") + " req/s for "
                            + s.count("durationSeconds") + " s"),
            new Words(
                    Lesson.WORKLOAD,
                    "workload",
                    "Workload: how much load each model carries before it breaks the SLO",
                    "Every model gets the same schedule from a workload file, window after window. Its knee is "
                            + "the highest offered"
                            + " rate it sustained: at least 98% of it carried, p99 and failures within the SLO.",
                    List.of(),
                    s -> "workload",
                    null));

    private Lessons() {}

    /** @throws IllegalStateException for a lesson without words here: a lesson added without its section's text */
    static Words of(Lesson lesson) {
        return IN_ORDER.stream()
                .filter(w -> w.lesson() == lesson)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no words for the lesson " + lesson));
    }

    /** Where a lesson's section goes: the lessons' order, which is the enum's. */
    static int rank(Lesson lesson) {
        return lesson.ordinal();
    }
}

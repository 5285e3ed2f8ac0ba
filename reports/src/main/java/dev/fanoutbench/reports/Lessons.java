package dev.fanoutbench.reports;

import java.util.Map;

/** Each benchmark's lesson in two sentences, from docs/lessons.md, opening its section of the report. */
final class Lessons {

    record Lesson(String title, String text) {}

    private static final Map<String, Lesson> BY_BENCHMARK = Map.of(
            "FanOutBenchmark", new Lesson("Fan-out: three slow calls (lesson 1)",
                    "Waiting on I/O one call after another wastes the wait; issuing the calls together costs about one wait."
                            + " The tutorial's 3 calls of 2 s took 6.12 s in turn and 2.05 s together."),
            "BoundedBatchBenchmark", new Lesson("Bounded concurrency: many calls, at most N in flight (lesson 5)",
                    "Thousands of tasks with a semaphore of N cost ceil(total / N) waits, and spare the server."
                            + " The tutorial's 1,000 tasks, 10 at once, 1 s each, took 100.52 s against an ideal of 100 s."),
            "HighConcurrencyBenchmark", new Lesson("10,000 in flight: what each waiting request costs (lesson 12)",
                    "Threads and async differ in who schedules and what a waiting request holds: a whole thread, or a small object."
                            + " Virtual threads and an event loop wait on a handful of platform threads; a fixed pool runs in waves."),
            "OpenModelBenchmark", new Lesson("Open model: a constant arrival rate",
                    "Async does not make a single call faster; it stops the program from wasting the time it waits."
                            + " Requests arrive on a schedule, and latency counts from when each was due, so a client that falls behind shows it."),
            "CpuWorkBenchmark", new Lesson("CPU-bound work (lesson 11)",
                    "CPU-bound work gains nothing from async: it needs other cores."
                            + " The tutorial's two CPU loops took twice as long as one; on an event loop the work also delays every other response."),
            "BlockingLoopBenchmark", new Lesson("Blocking the event loop (lesson 9)",
                    "A blocking library called from the event loop blocks everything: async code becomes as slow as sync."
                            + " Moved to a worker pool, the same calls are concurrent again."));

    private Lessons() {}

    static Lesson of(String benchmarkClass) {
        return BY_BENCHMARK.getOrDefault(benchmarkClass, new Lesson(benchmarkClass, ""));
    }
}

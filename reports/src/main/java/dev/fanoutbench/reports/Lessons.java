package dev.fanoutbench.reports;

import java.util.List;

/**
 * Each benchmark's lesson, in the order of docs/lessons.md: a short name for the at-a-glance
 * table, a title, and two sentences opening its section of the report.
 */
final class Lessons {

    record Lesson(String benchmarkClass, String shortName, String title, String text) {}

    /** In the lessons' order: fan-out (1) first, the open model (no number) last. */
    static final List<Lesson> IN_ORDER = List.of(
            new Lesson("FanOutBenchmark", "fan-out, 3 x 200 ms", "Fan-out: three slow calls (lesson 1)",
                    "Waiting on I/O one call after another wastes the wait; issuing the calls together costs about one wait."
                            + " The tutorial's 3 calls of 2 s took 6.12 s in turn and 2.05 s together."),
            new Lesson("BoundedBatchBenchmark", "bounded, 1,000 x 10 ms, 10 at once",
                    "Bounded concurrency: many calls, at most N in flight (lesson 5)",
                    "Thousands of tasks with a semaphore of N cost ceil(total / N) waits, and spare the server."
                            + " The tutorial's 1,000 tasks, 10 at once, 1 s each, took 100.52 s against an ideal of 100 s."),
            new Lesson("BlockingLoopBenchmark", "blocking call, 10 x 200 ms", "Blocking the event loop (lesson 9)",
                    "A blocking library called from the event loop blocks everything: async code becomes as slow as sync."
                            + " Moved to a worker pool, the same calls are concurrent again."),
            new Lesson("CpuWorkBenchmark", "CPU work, 10 x (100 ms + 20 ms CPU)", "CPU-bound work (lesson 11)",
                    "CPU-bound work gains nothing from async: it needs other cores."
                            + " The tutorial's two CPU loops took twice as long as one; on an event loop the work also delays every other response."),
            new Lesson("HighConcurrencyBenchmark", "10,000 in flight x 1 s", "10,000 in flight: what each waiting request costs (lesson 12)",
                    "Threads and async differ in who schedules and what a waiting request holds: a whole thread, or a small object."
                            + " Virtual threads and an event loop wait on a handful of platform threads; a fixed pool runs in waves."),
            new Lesson("OpenModelBenchmark", "open model, 500 req/s: p99", "Open model: a constant arrival rate",
                    "Async does not make a single call faster; it stops the program from wasting the time it waits."
                            + " Requests arrive on a schedule, and latency counts from when each was due, so a client that falls behind shows it."),
            new Lesson("WorkloadBenchmark", "workload", "Workload: how much load each model carries before it breaks the SLO",
                    "Every model gets the same schedule from a workload file, window after window. Its knee is the highest offered"
                            + " rate it sustained: at least 98% of it carried, p99 and failures within the SLO."));

    private Lessons() {}

    static Lesson of(String benchmarkClass) {
        return IN_ORDER.stream().filter(l -> l.benchmarkClass().equals(benchmarkClass)).findFirst()
                .orElse(new Lesson(benchmarkClass, benchmarkClass.replace("Benchmark", ""), benchmarkClass, ""));
    }

    /** Where a benchmark's section goes: the lessons' order, unknown benchmarks after them by name. */
    static int rank(String benchmarkClass) {
        for (int i = 0; i < IN_ORDER.size(); i++) {
            if (IN_ORDER.get(i).benchmarkClass().equals(benchmarkClass)) {
                return i;
            }
        }
        return IN_ORDER.size();
    }
}

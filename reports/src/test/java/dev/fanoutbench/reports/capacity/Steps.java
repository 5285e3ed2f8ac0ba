package dev.fanoutbench.reports.capacity;

import dev.fanoutbench.results.Lesson;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A workload trial of rising steps, each as measured: the data a capacity is made from, and nothing else. */
final class Steps {

    /** One 4 s step: offered rate, what it carried, its mean and p99 response times. */
    record Step(double offered, double carried, double meanMillis, double p99Millis) {}

    private final List<Step> steps = new ArrayList<>();
    private int threadCap;
    private Long cpuMicros;
    private long stubCpuNanos = -1;

    static Steps of() {
        return new Steps();
    }

    Steps step(double offered, double carried, double meanMillis, double p99Millis) {
        steps.add(new Step(offered, carried, meanMillis, p99Millis));
        return this;
    }

    /** Steps from {@code from} by {@code by} up to {@code to}, each carried in full on calls of {@code meanMillis}. */
    Steps carried(double from, double to, double by, double meanMillis, double p99Millis) {
        for (double rate = from; rate <= to; rate += by) {
            step(rate, rate, meanMillis, p99Millis);
        }
        return this;
    }

    Steps pool(int threads) {
        this.threadCap = threads;
        return this;
    }

    Steps cpuMicros(long micros) {
        this.cpuMicros = micros;
        return this;
    }

    Steps stubCpuMicros(long micros) {
        this.stubCpuNanos = micros * 1000;
        return this;
    }

    RunSummary.Trial trial(String model) {
        List<RunSummary.LoadWindow> windows = new ArrayList<>();
        List<RunSummary.Iteration> iterations = new ArrayList<>();
        long sent = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            windows.add(new RunSummary.LoadWindow("steps " + (int) s.offered() + "/s", s.offered(), 4, 0));
            long n = Math.round(s.offered() * 4);
            long failed = n - Math.round(s.carried() * 4);
            iterations.add(new RunSummary.Iteration(
                    1,
                    i + 1,
                    4000,
                    n,
                    n,
                    failed,
                    0,
                    Math.round(s.meanMillis() * 1000),
                    Math.round(s.p99Millis() * 1000),
                    s.carried(),
                    3_999_000,
                    null,
                    Math.round(s.meanMillis() * 1000)));
            sent += n;
        }
        RunSummary.Server server = new RunSummary.Server(
                sent,
                sent,
                0,
                100,
                new RunSummary.Lateness(0, 0, 0, 0, 0, 0),
                0,
                stubCpuNanos < 0 ? -1 : stubCpuNanos * sent);
        return new RunSummary.Trial(
                "Workload.window-" + model,
                "Workload",
                Lesson.WORKLOAD,
                model,
                Map.of(),
                1,
                false,
                new RunSummary.Score(0, null, "ms/op", List.of()),
                null,
                0,
                null,
                0,
                threadCap,
                false,
                sent,
                sent,
                Map.of(),
                Map.of(),
                Map.of(),
                server,
                10,
                cpuMicros,
                0,
                0,
                Map.of(),
                0,
                iterations,
                List.of(),
                Map.of(),
                new RunSummary.Load("knee", windows, new RunSummary.Slo(500, 0.01), 10_000, null),
                0,
                null);
    }
}

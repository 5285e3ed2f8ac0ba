package dev.fanoutbench.results;

import java.util.Arrays;
import java.util.Locale;

/**
 * The question a trial answers, declared by its benchmark (or workload) once and carried in the
 * summary, so that no reader cuts it back out of a JMH method name: the report's sections and
 * glance, SLA rules and comparisons all name a trial by its lesson. In the order of
 * docs/lessons.md, which is the report's.
 */
public enum Lesson {
    FAN_OUT("FanOut"),
    BOUNDED_BATCH("BoundedBatch"),
    BLOCKING_LOOP("BlockingLoop"),
    CPU_WORK("CpuWork"),
    HIGH_CONCURRENCY("HighConcurrency"),
    OPEN_MODEL("OpenModel"),
    WORKLOAD("Workload");

    private final String label;

    Lesson(String label) {
        this.label = label;
    }

    /** "FanOut": how labels and comparisons name the trial ("FanOut vertx"). */
    public String label() {
        return label;
    }

    /** "fanout": what SLA rules name it by (any prefix of it) and the report's anchors start with. */
    public String id() {
        return label.toLowerCase(Locale.ROOT);
    }

    /** The lesson labelled so. @throws IllegalArgumentException naming the labels there are */
    public static Lesson labelled(String label) {
        return Arrays.stream(values())
                .filter(l -> l.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lesson labelled '" + label + "'; there are "
                        + Arrays.stream(values()).map(Lesson::label).toList()));
    }
}

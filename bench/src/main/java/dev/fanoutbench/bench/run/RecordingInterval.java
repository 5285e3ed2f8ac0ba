package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.DurationText;
import java.time.Duration;
import java.util.List;

/** {@code -Dbench.interval}: how often a trial cuts its histograms and counts, e.g. {@code 1s} or {@code 500ms}. */
public final class RecordingInterval {

    static final Duration SHORTEST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofSeconds(60);
    private static final List<String> UNITS = List.of("ms", "s");

    private RecordingInterval() {}

    /** @throws IllegalArgumentException naming the value and what is accepted: a duration, in the range */
    public static Duration parse(String text) {
        Duration interval;
        try {
            interval = DurationText.parse(text, UNITS);
        } catch (BadInputException notADuration) {
            // the range too: a number too long to read (the parser's other refusal) is also outside it
            String expected = DurationText.like(UNITS) + ", from 100ms to 60s";
            throw new IllegalArgumentException("interval must be " + expected + ", got '" + text + "'", notADuration);
        }
        if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("interval must be from 100ms to 60s, got '" + text + "'");
        }
        return interval;
    }
}

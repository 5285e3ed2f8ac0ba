package dev.fanoutbench.bench.run;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code -Dbench.interval}: how often a trial cuts its histograms and counts, e.g. {@code 1s} or {@code 500ms}. */
public final class RecordingInterval {

    static final Duration SHORTEST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofSeconds(60);
    private static final Pattern TEXT = Pattern.compile("\\s*(\\d+)\\s*(ms|s)\\s*");

    private RecordingInterval() {}

    /** @throws IllegalArgumentException naming the value and the range */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("interval must look like 1s or 500ms, got '" + text + "'");
        }
        Duration interval;
        try {
            long amount = Long.parseLong(m.group(1));
            interval = m.group(2).equals("s") ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            interval = LONGEST.plusMillis(1);
        }
        if (interval.compareTo(SHORTEST) < 0 || interval.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("interval must be from 100ms to 60s, got '" + text + "'");
        }
        return interval;
    }
}

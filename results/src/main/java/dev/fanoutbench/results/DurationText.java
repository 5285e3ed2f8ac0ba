package dev.fanoutbench.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as a user writes it, a number and a unit: {@code 250ms}, {@code 1.5s}, {@code 2m},
 * {@code 100us}. The interval option, workload files and SLA rules all read durations here, each
 * allowing the units that make sense for it; {@code workloads/schema.json}'s duration pattern
 * describes the same grammar.
 */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");
    private static final Map<String, Long> NANOS_PER =
            Map.of("us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L);

    private DurationText() {}

    /**
     * {@code text} as a duration in one of {@code units} (among us, ms, s, m), rounded to the
     * nanosecond. The message follows the name of what was being read, which the caller adds:
     * {@code must be a duration like 5s (units ms, s), got '2h'}.
     *
     * @throws BadInputException if {@code text} is no number and allowed unit, or does not fit in a Duration's nanos
     */
    public static Duration parse(String text, List<String> units) {
        if (!NANOS_PER.keySet().containsAll(units)) {
            throw new IllegalArgumentException("duration units must be among us, ms, s, m, got " + units);
        }
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches() || !units.contains(m.group(2))) {
            throw new BadInputException("must be " + like(units) + ", got '" + text + "'");
        }
        try {
            BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER.get(m.group(2))));
            // the callers count in nanos (toNanos), so a duration that does not fit in a long of them is refused here
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new BadInputException("is too long, got '" + text + "'");
        }
    }

    /** What a message asks for: {@code a duration like 5s (units ms, s)}. */
    public static String like(List<String> units) {
        String example = units.contains("s") ? "5s" : "250ms";
        return "a duration like " + example + " (units " + String.join(", ", units) + ")";
    }
}

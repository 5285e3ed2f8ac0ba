package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP statuses {@code from..to}, written {@code 200-299} or, for one status, {@code 201}. */
public record StatusRange(int from, int to) {

    private static final Pattern TEXT = Pattern.compile("(\\d{3})(?:\\s*-\\s*(\\d{3}))?");

    public StatusRange {
        String got = from == to ? Integer.toString(from) : from + "-" + to;
        if (from < 100 || to > 599) {
            throw new InvalidKey(null, "must be HTTP statuses within 100-599, got " + got);
        }
        if (from > to) {
            throw new InvalidKey(null, "is an empty range, got " + got);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static StatusRange parse(Object value) {
        Matcher m = value instanceof String || value instanceof Integer
                ? TEXT.matcher(value.toString().strip())
                : null;
        if (m == null || !m.matches()) {
            throw new InvalidKey(
                    null, "must be a status like 200 or a range like 200-299, got " + Outline.describe(value));
        }
        int from = Integer.parseInt(m.group(1));
        return new StatusRange(from, m.group(2) == null ? from : Integer.parseInt(m.group(2)));
    }
}

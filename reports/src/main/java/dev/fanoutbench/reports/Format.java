package dev.fanoutbench.reports;

import java.util.Locale;

/** How reports and comparisons write times: milliseconds below a second, seconds above. */
final class Format {

    private Format() {}

    static String duration(double millis) {
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        if (millis >= 1_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String micros(long micros) {
        return duration(micros / 1000.0);
    }
}

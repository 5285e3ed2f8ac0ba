package dev.fanoutbench.bench.workload;

import java.util.Locale;

/** How an open phase spaces its requests: evenly at the rate, or as a Poisson process at that rate. */
public enum Arrivals {
    CONSTANT,
    POISSON;

    /** As a workload file writes it: {@code constant}, {@code poisson}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

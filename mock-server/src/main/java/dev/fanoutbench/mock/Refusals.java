package dev.fanoutbench.mock;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the stub turned away and why, since it started (never reset): served in {@code /stats}. Thread-safe. */
final class Refusals {

    static final String BAD_QUERY = "bad-query";
    static final String BODY_TOO_LARGE = "body-too-large";
    static final String BODY_STALLED = "body-stalled";
    static final String ADMIN_OFF = "admin-off";
    static final String ADMIN_NOT_LOOPBACK = "admin-not-loopback";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void refused(String reason) {
        counts.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((reason, n) -> copy.put(reason, n.sum()));
        return copy;
    }
}

package dev.fanoutbench.bench.model;

/**
 * The HTTP statuses a request counts as answered successfully, {@code from..to} inclusive: any
 * 2xx unless a workload says otherwise (an API whose 404 means "no such item, as expected" may
 * count it as a success; one that must create answers 201 only).
 */
public record SuccessStatus(int from, int to) {

    public static final SuccessStatus ANY_2XX = new SuccessStatus(200, 299);

    public SuccessStatus {
        if (from < 100 || to > 599 || from > to) {
            throw new IllegalArgumentException(
                    "a success status range must lie within 100-599 and not be empty, got " + from + "-" + to);
        }
    }

    public boolean contains(int status) {
        return status >= from && status <= to;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}

package dev.fanoutbench.mock;

/**
 * How the stub guards the machine it runs on and itself.
 *
 * @param adminApi          serve WireMock's admin API (loopback clients only); off by default
 * @param maxBodyBytes      the largest request body it reads; larger ones get 413
 * @param bodyTimeoutMillis how long a request body may stall before it gets 408
 */
public record Protection(boolean adminApi, long maxBodyBytes, long bodyTimeoutMillis) {

    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_BODY_TIMEOUT_MILLIS = 5_000;
    public static final Protection DEFAULTS =
            new Protection(false, DEFAULT_MAX_BODY_BYTES, DEFAULT_BODY_TIMEOUT_MILLIS);

    public Protection {
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "max body bytes must be from 0 to " + (Integer.MAX_VALUE - 8) + ", got " + maxBodyBytes);
        }
        if (bodyTimeoutMillis < 100 || bodyTimeoutMillis > 600_000) {
            throw new IllegalArgumentException("body timeout must be from 100 to 600000 ms, got " + bodyTimeoutMillis);
        }
    }
}

package dev.fanoutbench.spi;

import java.io.IOException;

/** An answer body past {@link Exchange#maxBodyBytes()}: the exchange fails instead of the client's memory. */
public final class BodyTooLargeException extends IOException {

    public BodyTooLargeException(int maxBodyBytes) {
        super("body larger than " + maxBodyBytes / (1024 * 1024) + " MiB, the most a model reads");
    }
}

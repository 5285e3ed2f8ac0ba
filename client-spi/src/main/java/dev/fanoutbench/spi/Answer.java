package dev.fanoutbench.spi;

/**
 * What came back: the status and the body as read, whatever they are (the harness decides what
 * counts as a success).
 *
 * @param status the HTTP status code
 * @param body   the body's bytes, not more than the exchange's {@link Exchange#maxBodyBytes()}
 */
public record Answer(int status, byte[] body) {}

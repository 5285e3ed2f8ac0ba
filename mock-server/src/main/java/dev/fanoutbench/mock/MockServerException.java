package dev.fanoutbench.mock;

/** A start-up failure whose message is one line a user can act on ("port 8080 is already in use"). */
public final class MockServerException extends RuntimeException {
    public MockServerException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.fanoutbench.results;

/** Bad input from the user (a missing run, a corrupt file): one line, exit code 2. */
public final class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }
}

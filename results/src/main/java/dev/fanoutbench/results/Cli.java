package dev.fanoutbench.results;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * How every command here fails: one line naming the problem, {@value #BAD_INPUT} for bad input,
 * 1 for anything else, never a stack trace as the only message.
 */
public final class Cli {

    public static final int BAD_INPUT = 2;

    private Cli() {}

    /** A picocli command line that reports errors as {@code "<name>: <message>"} on {@code err}. */
    public static CommandLine of(Object command, String name, PrintStream err, Predicate<Exception> isBadInput) {
        return of(command, name, new PrintWriter(err, true), isBadInput);
    }

    public static CommandLine of(Object command, String name, PrintWriter err, Predicate<Exception> isBadInput) {
        CommandLine cli = new CommandLine(command);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args) -> {
            err.println(name + ": " + e.getMessage() + " (see --help)");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, parsed, result) -> {
            err.println(name + ": " + e.getMessage());
            err.flush();
            return isBadInput.test(e) ? BAD_INPUT : 1;
        });
        return cli;
    }
}

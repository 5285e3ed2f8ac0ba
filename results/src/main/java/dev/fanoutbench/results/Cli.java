package dev.fanoutbench.results;

import java.io.PrintStream;
import java.util.function.Predicate;
import picocli.CommandLine;

/** How every command here fails: one line naming the problem, exit 2 for bad input, 1 otherwise. */
public final class Cli {

    public static final int BAD_INPUT = 2;

    private Cli() {}

    /** A picocli command line that reports errors as {@code "<name>: <message>"} on {@code err}. */
    public static CommandLine of(Object command, String name, PrintStream err, Predicate<Exception> isBadInput) {
        CommandLine cli = new CommandLine(command);
        cli.setParameterExceptionHandler((e, args) -> {
            err.println(name + ": " + e.getMessage() + " (see --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, parsed, result) -> {
            err.println(name + ": " + e.getMessage());
            return isBadInput.test(e) ? BAD_INPUT : 1;
        });
        return cli;
    }
}

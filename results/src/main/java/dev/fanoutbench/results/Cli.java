package dev.fanoutbench.results;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.function.Predicate;
import picocli.CommandLine;

/**
 * How every command here fails: one line naming the problem, never a stack trace as the only
 * message, and an exit code a CI job can act on. When several apply, the first in this list wins:
 * {@value #BAD_INPUT} bad input, {@value #FAILED} the run failed (a crash, or self-checks that
 * failed: its numbers cannot be trusted), {@value #SLA_BREACHED} an SLA rule was breached (as k6
 * does for its thresholds), {@value #REGRESSED} a comparison found B worse than A.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int REGRESSED = 3;
    public static final int SLA_BREACHED = 99;

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

package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.Check;
import dev.fanoutbench.results.OutcomeKind;
import dev.fanoutbench.results.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges a trial: failures where its numbers cannot be trusted (requests unaccounted for, lost,
 * failing unexpectedly, or the server disagreeing with the client), notes where they are true but
 * need a word (the stub's own share, a fixed pool by design, pinning, a blocked loop).
 */
final class SelfChecks {

    /** Above noise, the stub's share is worth a note once its p99 lateness is this share of the client's p99. */
    static final double LATE_SHARE = 0.10;

    /** One check's finding on one trial. */
    record Finding(Check check, String trial, String text) {}

    private SelfChecks() {}

    static List<Finding> of(RunSummary.Trial trial) {
        return of(trial, true);
    }

    /**
     * @param checkServer false for one load generator's slice of a trial, whose stub counts are every generator's
     *                    requests: they are checked when the slices are merged
     */
    static List<Finding> of(RunSummary.Trial trial, boolean checkServer) {
        List<Finding> found = new ArrayList<>();
        String name = trial.label();
        long ended =
                trial.outcomes().values().stream().mapToLong(Long::longValue).sum();
        if (trial.sent() == 0) {
            found.add(new Finding(Check.TRIAL_RECORDED, name, "no request was sent during the measured iterations"));
        }
        if (ended != trial.sent()) {
            found.add(new Finding(
                    Check.OUTCOMES_ADD_UP,
                    name,
                    String.format(
                            "%,d requests were handed to the model and %,d ended: %,d unaccounted for",
                            trial.sent(), ended, trial.sent() - ended)));
        }
        if (trial.returned() != trial.sent()) {
            found.add(new Finding(
                    Check.ONE_OUTCOME_PER_REQUEST,
                    name,
                    String.format("the model returned %,d outcomes for %,d requests", trial.returned(), trial.sent())));
        }
        long lost = trial.count(OutcomeKind.LOST);
        if (lost > 0) {
            found.add(new Finding(
                    Check.NOTHING_LOST, name, String.format("%,d requests were started and never finished", lost)));
        }
        long failed = trial.failed() - lost;
        if (failed > 0 && !trial.failuresExpected()) {
            found.add(new Finding(
                    Check.NO_UNEXPECTED_FAILURES,
                    name,
                    String.format("%,d of %,d requests failed (%s)", failed, ended, failures(trial.outcomes()))));
        }
        if (trial.server() != null && checkServer) {
            serverChecks(trial, name, found);
        }
        if (trial.threadCap() > 0 && trial.threadCap() < trial.offeredConcurrency()) {
            found.add(new Finding(
                    Check.FIXED_POOL_BELOW_CONCURRENCY,
                    name,
                    String.format("%,d threads for %,d at once", trial.threadCap(), trial.offeredConcurrency())));
        }
        if (trial.pinnedEvents() > 0) {
            found.add(new Finding(
                    Check.VIRTUAL_THREAD_PINNED,
                    name,
                    String.format(
                            "%,d times, mostly at %s",
                            trial.pinnedEvents(),
                            trial.pinnedAt().keySet().stream().findFirst().orElse("?"))));
        }
        if (trial.blockedThreadWarnings() > 0) {
            found.add(new Finding(
                    Check.EVENT_LOOP_BLOCKED, name, String.format("%,d warnings", trial.blockedThreadWarnings())));
        }
        return found;
    }

    private static void serverChecks(RunSummary.Trial trial, String name, List<Finding> found) {
        RunSummary.Server server = trial.server();
        long answered = trial.count(OutcomeKind.SUCCESS) + trial.count(OutcomeKind.HTTP_ERROR);
        if (server.received() > trial.sent()) {
            found.add(new Finding(
                    Check.SERVER_AGREES,
                    name,
                    String.format(
                            "the stub received %,d requests, the client sent %,d: something retried or "
                                    + "duplicated requests",
                            server.received(), trial.sent())));
        } else if (server.received() < answered) {
            found.add(new Finding(
                    Check.SERVER_AGREES,
                    name,
                    String.format(
                            "the stub received %,d requests, but the client saw %,d answers",
                            server.received(), answered)));
        }
        if (server.served() + server.clientDisconnects() != server.received()) {
            found.add(new Finding(
                    Check.SERVER_AGREES,
                    name,
                    String.format(
                            "the stub received %,d requests but ended %,d (%,d answered, %,d clients gone)",
                            server.received(),
                            server.served() + server.clientDisconnects(),
                            server.served(),
                            server.clientDisconnects())));
        }
        RunSummary.Lateness late = server.latenessMicros();
        long clientP99 = trial.response() == null ? 0 : trial.response().p99();
        if (late.aboveNoise() && late.p99() > LATE_SHARE * clientP99) {
            found.add(new Finding(
                    Check.STUB_LATE,
                    name,
                    String.format("p99 %s of the client's p99 %s", millis(late.p99()), millis(clientP99))));
        }
        if (late.fromClientClock() < late.count()) {
            found.add(new Finding(
                    Check.STUB_LATENESS_LOWER_BOUND,
                    name,
                    String.format(
                            "%,d of %,d answers measured from arrival",
                            late.count() - late.fromClientClock(), late.count())));
        }
    }

    /** Failures one per trial and check; notes one per check, naming their trials. */
    static List<RunSummary.Failure> failures(List<Finding> findings) {
        return findings.stream()
                .filter(f -> f.check().severity() == Check.Severity.FAILURE)
                .map(f -> new RunSummary.Failure(f.check(), f.trial(), f.text()))
                .toList();
    }

    static List<RunSummary.Note> notes(List<Finding> findings) {
        Map<Check, List<Finding>> byCheck = findings.stream()
                .filter(f -> f.check().severity() == Check.Severity.NOTE)
                .collect(Collectors.groupingBy(
                        Finding::check, () -> new java.util.EnumMap<>(Check.class), Collectors.toList()));
        List<RunSummary.Note> notes = new ArrayList<>();
        byCheck.forEach((check, list) -> notes.add(new RunSummary.Note(
                check,
                noteText(check),
                list.stream().map(f -> f.trial() + ": " + f.text()).toList())));
        return notes;
    }

    private static String noteText(Check check) {
        return switch (check) {
            case STUB_LATE ->
                "The stub itself was late by a material share of the latency: that share is the server's"
                        + " queueing on this machine, not the client model's.";
            case STUB_LATENESS_LOWER_BOUND ->
                "The stub measured some answers from their arrival, not from the client's"
                        + " send time: its lateness for them is a lower bound.";
            case FIXED_POOL_BELOW_CONCURRENCY ->
                "A fixed thread pool smaller than the offered concurrency runs in waves:"
                        + " by design, the cost of a thread per waiting request.";
            case VIRTUAL_THREAD_PINNED ->
                "Virtual threads blocked while pinned to their carrier during the measurement"
                        + " (JFR jdk.VirtualThreadPinned): each pin holds one of the few carrier threads.";
            case EVENT_LOOP_BLOCKED -> "Vert.x reported its event loop blocked: every request on that loop waited.";
            default -> check.name();
        };
    }

    private static String failures(Map<OutcomeKind, Long> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((kind, n) -> {
            if (kind.isFailure() && kind != OutcomeKind.LOST && n > 0) {
                text.append(text.isEmpty() ? "" : ", ")
                        .append(String.format("%,d ", n))
                        .append(kind);
            }
        });
        return text.toString();
    }

    private static String millis(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }
}

package dev.fanoutbench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service-level thresholds checked against a run, e.g. {@code fanout.vertx.p99 < 250ms} or
 * {@code bounded.*.efficiency > 0.95}: benchmark (the start of its lesson's id, {@link Lesson#id()},
 * any case, or {@code *}), model (or {@code *}), metric, comparison, value. Metrics: {@code score}, {@code p50},
 * {@code p90}, {@code p99}, {@code p999}, {@code max} (response time), {@code stubP99} (the
 * server's own lateness) in ms, s or us; {@code efficiency}; {@code failed} (requests). Rules are
 * separated by {@code ;} or new lines; {@code @FILE} reads them from a file ({@code #} comments).
 * A rule that does not parse, or that matches no trial of the run (a typo), is bad input.
 */
public record Sla(List<Rule> rules) {

    // the rule's shape; its limit, a number and any word after it, is read by limit(), which can name a wrong unit
    private static final Pattern RULE = Pattern.compile("\\s*([\\w*]+)\\.([\\w*.-]+)"
            + "\\.(score|p50|p90|p99|p999|max|stubP99|efficiency|failed)\\s*(<=|>=|<|>)"
            + "\\s*(\\d+(?:\\.\\d+)?(?:\\s*\\p{L}+)?)\\s*");
    private static final List<String> UNITS = List.of("ms", "s", "us");
    private static final List<String> UNITLESS = List.of("efficiency", "failed");

    public record Rule(String text, String benchmark, String model, String metric, String op, double limit) {

        boolean matches(RunSummary.Trial trial) {
            return (benchmark.equals("*") || trial.lesson().id().startsWith(benchmark.toLowerCase(Locale.ROOT)))
                    && (model.equals("*") || trial.model().equals(model));
        }

        double value(RunSummary.Trial trial) {
            var response = trial.response();
            return switch (metric) {
                case "score" -> trial.score().value();
                case "p50" -> response.p50() / 1000.0;
                case "p90" -> response.p90() / 1000.0;
                case "p99" -> response.p99() / 1000.0;
                case "p999" -> response.p999() / 1000.0;
                case "max" -> response.max() / 1000.0;
                case "stubP99" ->
                    trial.server() == null ? 0 : trial.server().latenessMicros().p99() / 1000.0;
                case "efficiency" -> trial.efficiency() == null ? 0 : trial.efficiency();
                case "failed" -> trial.failed();
                default -> throw new IllegalStateException(metric);
            };
        }

        boolean holds(double value) {
            return switch (op) {
                case "<" -> value < limit;
                case "<=" -> value <= limit;
                case ">" -> value > limit;
                default -> value >= limit;
            };
        }
    }

    /** @throws BadInputException naming the rule that does not parse or the file that cannot be read */
    public static Sla parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return new Sla(List.of());
        }
        String text = spec.trim();
        if (text.startsWith("@")) {
            try {
                text = Files.readString(Path.of(text.substring(1)));
            } catch (IOException | RuntimeException e) {
                throw new BadInputException("cannot read the SLA file " + text.substring(1));
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("[;\\n]")) {
            String rule = line.replaceAll("#.*", "").trim();
            if (rule.isEmpty()) {
                continue;
            }
            Matcher m = RULE.matcher(rule);
            if (!m.matches()) {
                throw new BadInputException(
                        "SLA rule '" + rule + "' does not parse; expected e.g. 'fanout.vertx.p99 < 250ms'"
                                + " (metrics: score, p50, p90, p99, p999, max, stubP99, efficiency, failed; "
                                + "units: ms, s, us)");
            }
            double limit = limit(rule, m.group(3), m.group(5));
            rules.add(new Rule(rule, m.group(1), m.group(2), m.group(3), m.group(4), limit));
        }
        return new Sla(rules);
    }

    /** The limit in the metric's terms: milliseconds for a time (a bare number is ms), else the plain number. */
    private static double limit(String rule, String metric, String text) {
        boolean bare = Character.isDigit(text.charAt(text.length() - 1));
        if (UNITLESS.contains(metric)) {
            if (!bare) {
                throw new BadInputException("SLA rule '" + rule + "' does not parse: " + metric
                        + " is a plain number, without a unit, got '" + text + "'");
            }
            return Double.parseDouble(text);
        }
        try {
            return DurationText.parse(bare ? text + "ms" : text, UNITS).toNanos() / 1e6;
        } catch (BadInputException e) {
            throw new BadInputException("SLA rule '" + rule + "' does not parse: its limit " + e.getMessage());
        }
    }

    /** One rule checked against one trial. */
    public record Result(Rule rule, String trial, double value, boolean holds) {

        public String describe() {
            return String.format(Locale.ROOT, "%s: %s has %s = %.3f", rule.text(), trial, rule.metric(), value);
        }
    }

    /**
     * Every rule against every trial it names.
     *
     * @throws BadInputException naming a rule that matches no trial of this run: a typo must not pass the gate
     */
    public List<Result> check(RunSummary summary) {
        List<Result> results = new ArrayList<>();
        for (Rule rule : rules) {
            List<RunSummary.Trial> matched =
                    summary.trials().stream().filter(rule::matches).toList();
            if (matched.isEmpty()) {
                throw new BadInputException("SLA rule '" + rule.text() + "' matches no trial of run " + summary.runId()
                        + " (benchmarks: "
                        + summary.trials().stream()
                                .map(t -> t.label().split(" ")[0].toLowerCase(Locale.ROOT))
                                .distinct()
                                .toList()
                        + ", models: "
                        + summary.trials().stream()
                                .map(RunSummary.Trial::model)
                                .distinct()
                                .toList() + ")");
            }
            for (RunSummary.Trial trial : matched) {
                double value = rule.value(trial);
                results.add(new Result(rule, trial.label(), value, rule.holds(value)));
            }
        }
        return results;
    }

    /** Every rule a trial breaks, in words. @throws BadInputException as {@link #check} */
    public List<String> breaches(RunSummary summary) {
        return check(summary).stream()
                .filter(r -> !r.holds())
                .map(Result::describe)
                .toList();
    }
}

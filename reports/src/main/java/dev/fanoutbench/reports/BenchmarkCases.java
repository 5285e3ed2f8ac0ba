package dev.fanoutbench.reports;

import dev.fanoutbench.results.Lesson;
import dev.fanoutbench.results.RunSummary;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The benchmarks as the runs ran them: one case per benchmark and set of parameters, the model's
 * aside, so a benchmark run at two sizes ({@code -p delayMs=100,2000}) is two rows of the glance
 * and two sections, each named and titled from the parameters it ran with.
 */
final class BenchmarkCases {

    /**
     * Parameters of a case's trials rather than of the case: the glance's columns and a section's lines tell them
     * apart.
     */
    static final Set<String> OF_THE_MODEL = Set.of("model", "mode", "placement");

    /**
     * @param id      the section's anchor: the benchmark's ("fanout"), with the sizes that differ when it ran at
     * several
     * @param label   the glance's row: "fan-out, 3 x 200 ms"
     * @param differs "delayMs=2000": what tells it from the benchmark's other cases; empty when it has none
     */
    record Case(
            Lesson benchmark,
            Map<String, String> params,
            String id,
            String label,
            String title,
            String lesson,
            String differs) {

        /** "FanOut vertx delayMs=2000": a name that holds for one case of the benchmark, told from its others. */
        String named(String name) {
            return differs.isEmpty() ? name : name + " " + differs;
        }
    }

    private record Key(Lesson benchmark, Map<String, String> params) {

        static Key of(RunSummary.Trial trial) {
            Map<String, String> params = new TreeMap<>(trial.params());
            params.keySet().removeAll(OF_THE_MODEL);
            return new Key(trial.lesson(), params);
        }
    }

    private final Map<Key, Case> cases;

    private BenchmarkCases(Map<Key, Case> cases) {
        this.cases = cases;
    }

    /** The cases of these runs' trials: in the lessons' order, a benchmark's sizes in the order they first appear. */
    static BenchmarkCases of(List<RunSummary> runs) {
        Map<Lesson, List<Key>> byBenchmark = runs.stream()
                .flatMap(r -> r.trials().stream())
                .map(Key::of)
                .distinct()
                .sorted(Comparator.comparingInt((Key k) -> Lessons.rank(k.benchmark())))
                .collect(Collectors.groupingBy(Key::benchmark, LinkedHashMap::new, Collectors.toList()));
        Map<Key, Case> cases = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        byBenchmark.forEach((benchmark, keys) -> {
            Lessons.Words lesson = Lessons.of(benchmark);
            Set<String> varying = varying(keys);
            for (Key key : keys) {
                Map<String, String> params = key.params();
                String base = (benchmark.id()
                                + varying.stream()
                                        .filter(params::containsKey)
                                        .map(p -> "-" + p + "-" + params.get(p))
                                        .collect(Collectors.joining()))
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9-]+", "_");
                String id = base;
                for (int n = 2; !ids.add(id); n++) {
                    id = base + "-" + n;
                }
                cases.put(
                        key,
                        new Case(
                                benchmark,
                                params,
                                id,
                                lesson.shortName(params) + unsaid(params, varying, lesson.inName(params)),
                                lesson.title(params) + unsaid(params, varying, lesson.inTitle(params)),
                                lesson.text(),
                                varying.stream()
                                        .filter(params::containsKey)
                                        .map(p -> p + "=" + params.get(p))
                                        .collect(Collectors.joining(" "))));
            }
        });
        return new BenchmarkCases(cases);
    }

    Case of(RunSummary.Trial trial) {
        Case found = cases.get(Key.of(trial));
        if (found == null) {
            throw new IllegalArgumentException(trial.key() + " is not a trial of these runs");
        }
        return found;
    }

    List<Case> inOrder() {
        return List.copyOf(cases.values());
    }

    /** Where the trial's case comes in the report. */
    int indexOf(RunSummary.Trial trial) {
        return inOrder().indexOf(of(trial));
    }

    /** ", poolSize=500": what tells this case from the benchmark's others where its words do not say it already. */
    private static String unsaid(Map<String, String> params, Set<String> varying, List<String> said) {
        return varying.stream()
                .filter(p -> params.containsKey(p) && !said.contains(p))
                .map(p -> ", " + p + "=" + params.get(p))
                .collect(Collectors.joining());
    }

    /** The parameters whose values differ among a benchmark's cases (missing from one counts as different). */
    private static Set<String> varying(List<Key> keys) {
        Set<String> names = new TreeSet<>();
        keys.forEach(k -> names.addAll(k.params().keySet()));
        names.removeIf(
                name -> keys.stream().map(k -> k.params().get(name)).distinct().count() == 1);
        return names;
    }
}

package dev.fanoutbench.bench.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The bench module's packages depend on each other in one direction only: a cycle means neither
 * package can be understood, tested or moved without the other (run and cost once were).
 */
class NoPackageCyclesTest {

    static final Path SOURCES = Path.of("src", "main", "java", "dev", "fanoutbench", "bench");
    /** A reference to another of the module's classes, imported or written out: its package, or "" for the top one. */
    static final Pattern REFERENCE = Pattern.compile("dev\\.fanoutbench\\.bench\\.(?:([a-z]+)\\.)?[A-Z]");

    @Test
    void theModulesPackagesHaveNoCycle() {
        Map<String, Set<String>> graph = dependencies(SOURCES);

        assertThat(graph).as("the packages were read").containsKeys("run", "model", "trial", "load");
        assertThat(cycles(graph)).isEmpty();
    }

    @Test
    void aCycleIsFoundAndNamed() {
        Map<String, Set<String>> graph =
                Map.of("run", Set.of("cost", "model"), "cost", Set.of("run"), "model", Set.of());

        assertThat(cycles(graph)).containsExactly("cost -> run -> cost");
    }

    /** Package (relative to the module's top one, which is "(top)") to the packages its classes refer to. */
    static Map<String, Set<String>> dependencies(Path root) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path dir = root.relativize(file.getParent());
                String from =
                        dir.toString().isEmpty() ? "(top)" : dir.toString().replace('/', '.');
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1) == null ? "(top)" : m.group(1);
                    if (!target.equals(from)) {
                        to.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Each cycle once, as "a -> b -> a", starting from its alphabetically first package. */
    static List<String> cycles(Map<String, Set<String>> graph) {
        Set<String> found = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(graph, start, new ArrayList<>(List.of(start)), found);
        }
        return List.copyOf(found);
    }

    private static void walk(Map<String, Set<String>> graph, String at, List<String> path, Set<String> found) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                if (path.stream().allMatch(p -> p.compareTo(next) >= 0)) {
                    found.add(String.join(" -> ", path) + " -> " + next);
                }
            } else if (!path.contains(next)) {
                path.add(next);
                walk(graph, next, path, found);
                path.remove(path.size() - 1);
            }
        }
    }
}

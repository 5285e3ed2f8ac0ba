package dev.fanoutbench.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** JMH's JSON results of several runs (each an array of benchmark results) as one file, as one run would write it. */
final class JmhResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhResults() {}

    static void concatenate(List<Path> parts, Path into) {
        try {
            ArrayNode all = JSON.createArrayNode();
            for (Path part : parts) {
                if (Files.isRegularFile(part)) {
                    JSON.readTree(part.toFile()).forEach(all::add);
                    Files.delete(part);
                }
            }
            JSON.writeValue(into.toFile(), all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge JMH's results into " + into, e);
        }
    }
}

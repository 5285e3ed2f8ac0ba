package dev.fanoutbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.fanoutbench.results.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * workloads/schema.json, which editors check and complete workload files with, describes the
 * format the reader reads: the same keys at every level, and what one accepts the other does.
 */
class WorkloadSchemaTest {

    static final Path WORKLOADS = Path.of("..", "workloads");
    static final YAMLMapper YAML = new YAMLMapper();

    static JsonNode schemaJson() throws IOException {
        return new ObjectMapper().readTree(WORKLOADS.resolve("schema.json").toFile());
    }

    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson());
    }

    @Test
    void theSchemaOffersExactlyTheClientsThisBuildHas() throws IOException {
        List<String> offered = new java.util.ArrayList<>();
        schemaJson().at("/properties/models/items/anyOf/0/enum").forEach(name -> offered.add(name.asText()));

        assertThat(offered).containsExactlyElementsOf(dev.fanoutbench.bench.model.Clients.all());
    }

    @Test
    void everyShippedWorkloadNamesTheSchemaValidatesAgainstItAndReads() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(WORKLOADS)) {
            files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readAllLines(file).get(0))
                    .as(file.toString())
                    .isEqualTo("# yaml-language-server: $schema=schema.json");
            assertThat(schema().validate(YAML.readTree(file.toFile())))
                    .as(file.toString())
                    .isEmpty();
            assertThat(WorkloadFile.read(file).windows()).as(file.toString()).isNotEmpty();
        }
        assertThat(schema().validate(YAML.readTree(WorkloadDocsTest.example())))
                .as("the docs' example")
                .isEmpty();
    }

    @Test
    void theSchemaListsExactlyTheKeysTheRecordsAccept() throws IOException {
        JsonNode schema = schemaJson();
        assertThat(keys(schema, schema, "", new TreeSet<>())).containsExactlyElementsOf(FormatKeys.accepted());
    }

    @Test
    void whatTheReaderRefusesTheSchemaRefusesToo() throws IOException {
        String valid = "request:\n  path: /api/items/{id}\nload:\n  - constant: {rate: 100, duration: 2s}\n";
        assertThat(schema().validate(YAML.readTree(valid))).isEmpty();
        for (String broken : List.of(
                valid.replace("rate:", "rat:"),
                valid.replace("rate: 100", "rate: -5"),
                valid.replace("duration: 2s", "duration: 2"),
                valid.replace("path: /api", "path: api"),
                valid.replace("2s}\n", "2s}\n    ramp: {from: 1, to: 2, duration: 1s}\n"),
                valid + "slo: {p99: 2m, errors: 1%}\n",
                valid + "slo: {p99: 250ms, errors: 0.01}\n",
                valid + "models: [vertx, netty]\n",
                valid.replace(
                        "constant: {rate: 100, duration: 2s}", "closed: {concurrency: 10, count: 5, duration: 1s}"))) {
            assertThat(catchThrowable(() -> WorkloadFile.parse(broken, "broken.yaml")))
                    .as(broken)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(schema().validate(YAML.readTree(broken))).as(broken).isNotEmpty();
        }
    }

    @Test
    void theDurationPatternAcceptsWhatTheDurationParserAccepts() throws IOException {
        JsonNode schema = schemaJson();
        Pattern duration =
                Pattern.compile(schema.at("/definitions/duration/pattern").asText());
        Pattern p99 = Pattern.compile(
                schema.at("/definitions/slo/properties/p99/pattern").asText());
        for (String text : List.of("250ms", "1.5s", "1m", "2 s", "2", "1.2.3s", "5S", "100us", "2h", ".5s", "1e3ms")) {
            assertThat(duration.matcher(text).find()).as(text).isEqualTo(reads(text, DurationDeserializer.UNITS));
            assertThat(p99.matcher(text).find()).as("slo.p99: " + text).isEqualTo(reads(text, List.of("ms", "s")));
        }
    }

    private static boolean reads(String text, List<String> units) {
        return catchThrowable(() -> DurationText.parse(text, units)) == null;
    }

    /** The property names at each level of {@code node}, as paths like FormatKeys's. */
    static Set<String> keys(JsonNode root, JsonNode node, String path, Set<String> keys) {
        JsonNode resolved = node.has("$ref") ? root.at(node.get("$ref").asText().substring(1)) : node;
        if (resolved.has("items")) {
            keys(root, resolved.get("items"), path + "[]", keys);
        }
        resolved.path("properties").fields().forEachRemaining(property -> {
            keys.add(FormatKeys.child(path, property.getKey()));
            keys(root, property.getValue(), FormatKeys.child(path, property.getKey()), keys);
        });
        return keys;
    }
}

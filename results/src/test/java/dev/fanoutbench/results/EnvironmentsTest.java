package dev.fanoutbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment.json keeps the keys its readers and docs know, and a file that is not one is refused in one line. */
class EnvironmentsTest {

    static final Environment ENVIRONMENT = new Environment(
            RunSummary.SCHEMA_VERSION,
            new Environment.Jdk("25", "Oracle", "OpenJDK 64-Bit Server VM 25+36", "/opt/jdk-25"),
            new Environment.Machine(
                    2,
                    8L << 30,
                    "Linux",
                    "6.1.0",
                    "amd64",
                    1_048_576,
                    "Intel(R) Xeon(R) Processor",
                    Map.of("cpu.max", "max")),
            new Environment.Git("ed22260aa8f3d0b0d5a2c2c6f5e1c7c0b1a2b3c4", true),
            Map.of("preset", Map.of("name", "quick", "forks", 1), "intervalMillis", 1000),
            Map.of("jar", "mock-server.jar", "settings", Map.of("acceptQueueSize", 4096)));

    @TempDir
    Path dir;

    @Test
    void theRecordIsWrittenWithTheKeysTheMapHad() throws IOException {
        Path file = dir.resolve("environment.json");
        Environments.write(ENVIRONMENT, file);

        JsonNode json = Summaries.JSON.readTree(file.toFile());
        assertThat(fieldNames(json))
                .containsExactly("schemaVersion", "jdk", "machine", "git", "settings", "mockServer");
        assertThat(fieldNames(json.get("jdk"))).containsExactly("version", "vendor", "vm", "home");
        assertThat(fieldNames(json.get("machine")))
                .containsExactly(
                        "cores", "memoryBytes", "os", "kernel", "arch", "maxOpenFiles", "cpuModel", "cgroupLimits");
        assertThat(fieldNames(json.get("git"))).containsExactly("commit", "dirty");
        assertThat(Environments.read(file)).isEqualTo(ENVIRONMENT);
    }

    @Test
    void aFileOfTheMapDaysReadsAsTheRecord() throws IOException {
        // the order Map.of happened to write: the keys are what count
        Path file = write("""
                {"schemaVersion": %d,
                 "jdk": {"vm": "OpenJDK 64-Bit Server VM 25+36", "version": "25", "home": "/opt/jdk-25",
                         "vendor": "Oracle"},
                 "machine": {"cpuModel": "unknown", "cores": 2, "memoryBytes": 8589934592, "os": "Linux",
                             "kernel": "6.1.0", "arch": "amd64", "maxOpenFiles": -1, "cgroupLimits": {}},
                 "git": {"dirty": false, "commit": ""},
                 "settings": {"preset": {"name": "quick"}, "cpus": "shared"},
                 "mockServer": {"external": "http://127.0.0.1:8080/"}}
                """.formatted(RunSummary.SCHEMA_VERSION));

        Environment read = Environments.read(file);

        assertThat(read.machine().cores()).isEqualTo(2);
        assertThat(read.git().dirty()).isFalse();
        assertThat(read.settings()).containsEntry("preset", Map.of("name", "quick"));
    }

    @Test
    void aCorruptFileIsRefusedInOneLineNamingIt() throws IOException {
        Path file = write("{\"schemaVersion\": 5, \"jdk\": ");

        assertThatThrownBy(() -> Environments.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + " is not a fanout-bench environment")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anUnknownOrMissingKeyIsRefused() throws IOException {
        String written = Summaries.JSON.writeValueAsString(ENVIRONMENT);
        Path unknown = write(written.replace("\"cores\"", "\"cpus\" : 2, \"cores\""));
        Path incomplete = write(written.replaceFirst("\"git\" : \\{[^}]*},", ""));

        assertThatThrownBy(() -> Environments.read(unknown)).hasMessageContaining("cpus");
        assertThatThrownBy(() -> Environments.read(incomplete)).hasMessageContaining("git");
    }

    @Test
    void anotherSchemaVersionIsRefused() throws IOException {
        Path file = write(Summaries.JSON
                .writeValueAsString(ENVIRONMENT)
                .replace("\"schemaVersion\" : " + RunSummary.SCHEMA_VERSION, "\"schemaVersion\" : 99"));

        assertThatThrownBy(() -> Environments.read(file)).hasMessageContaining("schema version 99");
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "environment", ".json"), json);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stub is a JSON file anyone can edit; each carries an example request in its metadata.
 * Walking the folder proves each file loads, answers its own example, and is the one that did.
 */
class MappingsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    // the admin API lists what was loaded: on for this test, as a user would turn it on (--admin)
    static final EmbeddedServer server = new EmbeddedServer(MockServerSettings.defaults()
            .withProtection(
                    new Protection(true, Protection.DEFAULT_MAX_BODY_BYTES, Protection.DEFAULT_BODY_TIMEOUT_MILLIS)));

    static List<Path> mappingFiles() throws IOException, URISyntaxException {
        Path folder =
                Path.of(MappingsTest.class.getResource("/wiremock/mappings").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyMappingFileIsLoaded() throws Exception {
        JsonNode loaded =
                JSON.readTree(RawHttp.get(server.baseUri(), "/__admin/mappings").body());
        assertThat(loaded.path("meta").path("total").asInt())
                .isEqualTo(mappingFiles().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappingFiles")
    void everyMappingAnswersItsOwnExample(Path file) throws Exception {
        JsonNode mapping = JSON.readTree(file.toFile());
        JsonNode example = mapping.path("metadata").path("example");
        assertThat(example.isMissingNode()).as(file + " has metadata.example").isFalse();

        RawHttp.Reply reply = RawHttp.request(
                server.baseUri(),
                example.path("method").asText(),
                example.path("path").asText());

        String expected = example.path("expect").asText();
        if (expected.chars().allMatch(Character::isDigit)) {
            assertThat(reply.kind()).isEqualTo(RawHttp.Kind.RESPONSE);
            assertThat(reply.status()).isEqualTo(Integer.parseInt(expected));
            assertThat(reply.header("Matched-Stub-Name"))
                    .isEqualTo(mapping.path("name").asText());
        } else {
            assertThat(reply.kind()).isEqualTo(RawHttp.Kind.valueOf(expected));
        }
    }
}

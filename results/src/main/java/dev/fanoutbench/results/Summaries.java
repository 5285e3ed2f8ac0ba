package dev.fanoutbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@code summary.json}, strictly: a corrupt or foreign file is an error, never a guess. */
public final class Summaries {

    /** Strict: an unknown or a missing field is an error (null stands for "not measured"). */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Summaries() {}

    public static void write(RunSummary summary, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }

    /** @throws IOException for an unreadable file, a corrupt one, or one of another schema version */
    public static RunSummary read(Path file) throws IOException {
        RunSummary summary;
        try {
            summary = JSON.readValue(file.toFile(), RunSummary.class);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a fanout-bench summary: " + e.getOriginalMessage(), e);
        }
        if (summary.schemaVersion() != RunSummary.SCHEMA_VERSION) {
            throw new IOException(file + " has schema version " + summary.schemaVersion() + "; this build reads "
                    + RunSummary.SCHEMA_VERSION);
        }
        return summary;
    }
}

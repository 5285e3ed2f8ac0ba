package dev.fanoutbench.results;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads {@code environment.json} as strictly as {@link Summaries} reads the summary beside it. */
public final class Environments {

    private Environments() {}

    public static void write(Environment environment, Path file) throws IOException {
        Summaries.JSON.writeValue(file.toFile(), environment);
    }

    /** @throws IOException for an unreadable file, a corrupt one, or one of another schema version */
    public static Environment read(Path file) throws IOException {
        Environment environment;
        try {
            environment = Summaries.JSON.readValue(file.toFile(), Environment.class);
        } catch (JacksonException e) {
            throw new IOException(file + " is not a fanout-bench environment: " + e.getOriginalMessage(), e);
        }
        if (environment.schemaVersion() != RunSummary.SCHEMA_VERSION) {
            throw new IOException(file + " has schema version " + environment.schemaVersion() + "; this build reads "
                    + RunSummary.SCHEMA_VERSION);
        }
        // JSON can say null for any of them, which a missing-field check lets through
        if (environment.jdk() == null
                || environment.machine() == null
                || environment.git() == null
                || environment.settings() == null
                || environment.mockServer() == null) {
            throw new IOException(file + " is incomplete: jdk, machine, git, settings and mockServer are required");
        }
        return environment;
    }
}

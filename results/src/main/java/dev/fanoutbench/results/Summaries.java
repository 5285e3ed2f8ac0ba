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
        String missing = missing(summary);
        if (missing != null) {
            throw new IOException(file + " is incomplete: " + missing);
        }
        return summary;
    }

    /**
     * What a summary that parses still lacks for a reader to use it (JSON can say null or {} for anything), or null.
     */
    static String missing(RunSummary summary) {
        if (summary.runId() == null
                || summary.trials() == null
                || summary.failures() == null
                || summary.notes() == null) {
            return "runId, trials, failures and notes are required";
        }
        for (int i = 0; i < summary.trials().size(); i++) {
            RunSummary.Trial t = summary.trials().get(i);
            String which = "trial " + (i + 1) + (t == null || t.key() == null ? "" : " (" + t.key() + ")");
            if (t == null
                    || t.key() == null
                    || t.benchmark() == null
                    || t.lesson() == null
                    || t.model() == null
                    || t.params() == null) {
                return which + " has no key, benchmark, lesson, model or params";
            }
            if (t.score() == null
                    || t.score().samples() == null
                    || t.outcomes() == null
                    || t.iterations() == null
                    || t.timeline() == null
                    || t.files() == null
                    || t.pinnedAt() == null
                    || t.latencyMicros() == null) {
                return which + " lacks its score, outcomes, iterations, timeline, files or latencies";
            }
            for (Series series : Series.values()) {
                if (t.latencyMicros().get(series) == null) {
                    return which + " has no latencyMicros." + series.id();
                }
            }
            if (t.server() != null && t.server().latenessMicros() == null) {
                return which + " has a server without its lateness";
            }
        }
        return null;
    }
}

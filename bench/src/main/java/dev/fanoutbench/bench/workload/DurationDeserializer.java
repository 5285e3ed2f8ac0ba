package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import dev.fanoutbench.results.BadInputException;
import dev.fanoutbench.results.DurationText;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Jackson's reader of a workload's durations, written as {@link DurationText} reads them:
 * {@code 250ms}, {@code 1.5s}, {@code 1m}. A key that takes fewer units says which with
 * {@code @JsonFormat(pattern = "ms, s")}.
 */
final class DurationDeserializer extends StdScalarDeserializer<Duration> implements ContextualDeserializer {

    static final List<String> UNITS = List.of("ms", "s", "m");

    private final List<String> units;

    DurationDeserializer(List<String> units) {
        super(Duration.class);
        this.units = units;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        JsonFormat.Value format = findFormatOverrides(ctxt, property, Duration.class);
        return format.hasPattern()
                ? new DurationDeserializer(List.of(format.getPattern().split(",\\s*")))
                : this;
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            // a bare number has no unit: 2 could be 2s or 2ms
            throw new InvalidKey(null, "must be " + DurationText.like(units) + ", got " + Outline.describe(p));
        }
        try {
            return DurationText.parse(p.getText(), units);
        } catch (BadInputException e) {
            // the file's reader names the key and the line around the problem
            throw new InvalidKey(null, e.getMessage());
        }
    }
}

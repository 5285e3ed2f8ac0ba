package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as a workload file writes it, a number and a unit: {@code 250ms}, {@code 1.5s},
 * {@code 1m}. Every duration key is read by this one parser; a key that takes fewer units says
 * which with {@code @JsonFormat(pattern = "ms, s")}.
 */
public final class DurationText {

    static final List<String> UNITS = List.of("ms", "s", "m");
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");
    private static final Map<String, Long> NANOS_PER = Map.of("ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L);

    private DurationText() {}

    /** @throws IllegalArgumentException "must be a duration like 5s (units ms, s), got '2h'" */
    public static Duration parse(String text, List<String> units) {
        Matcher m = TEXT.matcher(text.strip());
        if (!m.matches() || !units.contains(m.group(2))) {
            throw new InvalidKey(null, "must be " + like(units) + ", got '" + text + "'");
        }
        try {
            return Duration.ofNanos(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER.get(m.group(2))))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidKey(null, "is too long, got '" + text + "'");
        }
    }

    private static String like(List<String> units) {
        return "a duration like " + (units.contains("s") ? "5s" : "250ms") + " (units " + String.join(", ", units) + ")";
    }

    /** Jackson's reader of a {@link Duration}: a string, in the units its property's format names. */
    static final class Deserializer extends StdScalarDeserializer<Duration> implements ContextualDeserializer {

        private final List<String> units;

        Deserializer(List<String> units) {
            super(Duration.class);
            this.units = units;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JsonFormat.Value format = findFormatOverrides(ctxt, property, Duration.class);
            return format.hasPattern() ? new Deserializer(List.of(format.getPattern().split(",\\s*"))) : this;
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                // a bare number has no unit: 2 could be 2s or 2ms
                throw new InvalidKey(null, "must be " + like(units) + ", got " + Outline.describe(p));
            }
            return parse(p.getText(), units);
        }
    }
}

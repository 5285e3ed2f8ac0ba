package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A share written as a percentage: {@code 1%} is 0.01; a bare 0.01 could mean 1% or 0.01%, so it is refused. */
public record Percent(double ratio) {

    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    public Percent {
        if (!(ratio >= 0 && ratio <= 1)) {
            String got = Double.isFinite(ratio)
                    ? BigDecimal.valueOf(ratio)
                            .movePointRight(2)
                            .stripTrailingZeros()
                            .toPlainString()
                    : "" + ratio;
            throw new InvalidKey(null, "must be within 0%..100%, got " + got + "%");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Percent parse(Object value) {
        Matcher m = value instanceof String text ? TEXT.matcher(text.strip()) : null;
        if (m == null || !m.matches()) {
            throw new InvalidKey(null, "must be a percentage like 1%, got " + Outline.describe(value));
        }
        return new Percent(new BigDecimal(m.group(1)).movePointLeft(2).doubleValue());
    }
}

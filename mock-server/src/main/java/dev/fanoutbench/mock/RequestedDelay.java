package dev.fanoutbench.mock;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The delay a caller asked for in the query string: {@code ?delayMs=N} for a fixed delay,
 * {@code ?medianMs=M&sigma=S} to reshape a lognormal one. Absent parameters keep the stub's default.
 */
record RequestedDelay(OptionalLong delayMillis, OptionalDouble medianMillis, OptionalDouble sigma) {

    static final long MAX_DELAY_MILLIS = 600_000;
    private static final double MAX_SIGMA = 5.0;

    /** @throws IllegalArgumentException naming the bad parameter, for a 400 answer */
    static RequestedDelay from(Request request) {
        return new RequestedDelay(
                wholeMillis(request.queryParameter("delayMs")),
                positiveNumber(request.queryParameter("medianMs"), MAX_DELAY_MILLIS),
                positiveNumber(request.queryParameter("sigma"), MAX_SIGMA));
    }

    private static OptionalLong wholeMillis(QueryParameter param) {
        if (!param.isPresent()) {
            return OptionalLong.empty();
        }
        String raw = param.firstValue();
        try {
            long value = Long.parseLong(raw);
            if (value >= 0 && value <= MAX_DELAY_MILLIS) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(param.key() + " must be a whole number of milliseconds from 0 to "
                + MAX_DELAY_MILLIS + ", got '" + raw + "'");
    }

    private static OptionalDouble positiveNumber(QueryParameter param, double max) {
        if (!param.isPresent()) {
            return OptionalDouble.empty();
        }
        String raw = param.firstValue();
        try {
            double value = Double.parseDouble(raw);
            if (value > 0 && value <= max) {
                return OptionalDouble.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the one message below
        }
        throw new IllegalArgumentException(
                param.key() + " must be a number above 0 and at most " + max + ", got '" + raw + "'");
    }
}

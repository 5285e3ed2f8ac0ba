package dev.fanoutbench.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.DelayDistribution;
import com.github.tomakehurst.wiremock.http.LogNormal;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Applied to every stub: turns the stub's declared delay (and the caller's query overrides) into
 * one concrete delay per request, so the server knows exactly how long each answer should take and
 * can measure its own lateness; applies the in-flight limit of stubs whose
 * {@code transformerParameters} say {@code "inFlightLimit": true}; and, on stubs that say
 * {@code "payload": true}, answers with the size ({@code ?bytes=N}) and pace
 * ({@code ?chunks=N&chunkDelayMs=M}) asked for and echoes a request body's length
 * ({@link EchoBody}, {@link Dribble}).
 *
 * <p>Runs on the Jetty thread that dispatches the request (WireMock calls transformers
 * synchronously), which is how it finds the request's {@link Exchange}.
 */
final class StubBehaviour implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fanout-stub";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InFlightLimit limit;
    private final Slowdown slowdown;

    StubBehaviour(InFlightLimit limit, Slowdown slowdown) {
        this.limit = limit;
        this.slowdown = slowdown;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition stub = serveEvent.getResponseDefinition();
        Exchange exchange = ExchangeListener.dispatching();
        RequestedDelay requested;
        RequestedPayload payload = RequestedPayload.NONE;
        boolean payloadStub = flag(stub, "payload");
        try {
            requested = RequestedDelay.from(serveEvent.getRequest());
            if (payloadStub) {
                payload = RequestedPayload.from(serveEvent.getRequest());
            }
        } catch (IllegalArgumentException badParameter) {
            return immediately(exchange, 400, Map.of("error", badParameter.getMessage()))
                    .build();
        }

        ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(stub);
        if (exchange != null && flag(stub, "inFlightLimit")) {
            int inFlight = limit.tryAdmit();
            if (inFlight < 0) {
                // a fresh response: like() would copy the stub's delay into the rejection
                return immediately(exchange, 429, Map.of("error", "more than " + limit.limit() + " requests in flight"))
                        .withHeader("Retry-After", "1")
                        .withHeader(StubHeaders.IN_FLIGHT, Integer.toString(limit.limit()))
                        .build();
            }
            exchange.onAnswerOrEnd(limit::release);
            answer.withHeader(StubHeaders.IN_FLIGHT, Integer.toString(inFlight));
        }

        if (payloadStub) {
            shapeBody(answer, serveEvent.getRequest(), payload);
            if (exchange != null && payload.streamed()) {
                exchange.streamAs(payload);
            }
        }
        long delayMillis = slowdown.apply(chooseDelayMillis(stub, requested));
        if (exchange != null) {
            exchange.configuredDelayMillis(delayMillis);
        }
        return answer.withFixedDelay((int) delayMillis)
                .withRandomDelay(null)
                .withHeader(StubHeaders.DELAY_MILLIS, Long.toString(delayMillis))
                .build();
    }

    /**
     * A body of the size asked for, or with the request body's length in it; otherwise the stub's
     * own (templated) body. The body is built here, whole, so WireMock's templating is taken off:
     * rendering a 10 MiB body as a template would cost the server more than writing it.
     */
    private static void shapeBody(ResponseDefinitionBuilder answer, Request request, RequestedPayload payload) {
        boolean carriesBody = request.getMethod().equals(RequestMethod.POST);
        if (payload.bytes().isEmpty() && !carriesBody) {
            return;
        }
        String path = request.getUrl();
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        String id = request.getPathParameters().get("id");
        if (id == null) {
            id = java.net.URLDecoder.decode(
                    path.substring(path.lastIndexOf('/') + 1), java.nio.charset.StandardCharsets.UTF_8);
        }
        byte[] body = request.getBody();
        OptionalLong received = carriesBody ? OptionalLong.of(body == null ? 0 : body.length) : OptionalLong.empty();
        answer.withBody(EchoBody.of(id, ExchangeTracker.endpointOf(path), received, payload.bytes()))
                .withTransformers();
    }

    /** WireMock's rule: the fixed delay plus one sample of the distribution, if the stub has them. */
    static long chooseDelayMillis(ResponseDefinition stub, RequestedDelay requested) {
        if (requested.delayMillis().isPresent()) {
            return requested.delayMillis().getAsLong();
        }
        long fixed = stub.getFixedDelayMilliseconds() == null ? 0 : stub.getFixedDelayMilliseconds();
        DelayDistribution distribution = stub.getDelayDistribution();
        if (distribution instanceof LogNormal declared
                && (requested.medianMillis().isPresent() || requested.sigma().isPresent())) {
            Map<?, ?> defaults = JSON.convertValue(declared, Map.class);
            double median = requested.medianMillis().orElse(((Number) defaults.get("median")).doubleValue());
            double sigma = requested.sigma().orElse(((Number) defaults.get("sigma")).doubleValue());
            distribution = new LogNormal(median, sigma);
        }
        long sampled = distribution == null ? 0 : distribution.sampleMillis();
        return Math.min(RequestedDelay.MAX_DELAY_MILLIS, fixed + sampled);
    }

    /** A boolean from the stub's {@code transformerParameters}; absent means false. */
    static boolean flag(ResponseDefinition stub, String name) {
        return stub.getTransformerParameters() != null
                && stub.getTransformerParameters().getBoolean(name, false);
    }

    private static ResponseDefinitionBuilder immediately(Exchange exchange, int status, Map<String, String> body) {
        if (exchange != null) {
            exchange.configuredDelayMillis(0);
        }
        try {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader(StubHeaders.DELAY_MILLIS, "0")
                    .withBody(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

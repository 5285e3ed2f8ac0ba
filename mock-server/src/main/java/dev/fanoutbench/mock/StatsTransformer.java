package dev.fanoutbench.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** Serves {@code GET /stats} and {@code POST /stats/reset} (see {@code mappings/stats*.json}). */
final class StatsTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fanout-stats";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeTracker tracker;

    StatsTransformer(ExchangeTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        if (StubBehaviour.flag(serveEvent.getResponseDefinition(), "reset")) {
            tracker.reset();
        }
        try {
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tracker.snapshot()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stats could not be written as JSON", e);
        }
    }
}

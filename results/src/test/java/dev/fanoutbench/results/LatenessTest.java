package dev.fanoutbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * One line decides when the stub's own lateness is noise, for the self-checks' note and the report's sentence alike.
 */
class LatenessTest {

    @Test
    void upToFiveMillisecondsAtP99IsNoise() {
        assertThat(p99(5_000).aboveNoise()).isFalse();
        assertThat(p99(5_001).aboveNoise()).isTrue();
    }

    @Test
    void theRuleIsNotWrittenIntoTheSummary() {
        JsonNode json = Summaries.JSON.valueToTree(p99(6_000));
        assertThat(json.size()).as("count, fromClientClock and four figures").isEqualTo(6);
    }

    private static RunSummary.Lateness p99(long micros) {
        return new RunSummary.Lateness(100, 100, 1_000, 2_000, micros, micros);
    }
}

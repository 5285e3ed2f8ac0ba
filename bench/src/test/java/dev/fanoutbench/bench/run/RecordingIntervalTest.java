package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** --interval is a duration in ms or s, from 100ms to 60s; a refusal says which of the two was missed. */
class RecordingIntervalTest {

    @Test
    void anIntervalIsADurationInMillisecondsOrSeconds() {
        assertThat(RecordingInterval.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RecordingInterval.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RecordingInterval.parse("60s")).isEqualTo(RecordingInterval.LONGEST);
    }

    @Test
    void outsideTheRangeNamesTheRange() {
        String expected = "interval must be from 100ms to 60s, got '%s'";
        assertThatThrownBy(() -> RecordingInterval.parse("0s")).hasMessage(expected, "0s");
        assertThatThrownBy(() -> RecordingInterval.parse("61s")).hasMessage(expected, "61s");
    }

    @Test
    void notADurationNamesTheUnitsAndTheRange() {
        String expected = "interval must be a duration like 5s (units ms, s), from 100ms to 60s, got '%s'";
        assertThatThrownBy(() -> RecordingInterval.parse("1m")).hasMessage(expected, "1m");
        assertThatThrownBy(() -> RecordingInterval.parse("1000")).hasMessage(expected, "1000");
        // too long to read at all is still outside the range
        String tooLong = "99999999999999999999s";
        assertThatThrownBy(() -> RecordingInterval.parse(tooLong)).hasMessage(expected, tooLong);
    }
}

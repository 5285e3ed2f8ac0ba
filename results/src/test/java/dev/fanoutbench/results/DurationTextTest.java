package dev.fanoutbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One way to write a duration everywhere a user writes one: a number, then a unit the reader allows. */
class DurationTextTest {

    static final List<String> ALL = List.of("us", "ms", "s", "m");

    @Test
    void aNumberAndAUnitIsADuration() {
        assertThat(DurationText.parse("250ms", ALL)).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("1.5s", ALL)).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2m", ALL)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("100us", ALL)).isEqualTo(Duration.ofNanos(100_000));
    }

    @Test
    void spaceAroundAndBetweenIsAllowedAndFractionsRoundToTheNanosecond() {
        assertThat(DurationText.parse(" 250 ms ", ALL)).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("0.0015us", ALL)).isEqualTo(Duration.ofNanos(2));
    }

    @Test
    void aUnitTheReaderDoesNotAllowIsRefusedNamingTheOnesItDoes() {
        assertThatThrownBy(() -> DurationText.parse("2m", List.of("ms", "s")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("must be a duration like 5s (units ms, s), got '2m'");
        assertThatThrownBy(() -> DurationText.parse("2h", ALL))
                .hasMessage("must be a duration like 5s (units us, ms, s, m), got '2h'");
        assertThatThrownBy(() -> DurationText.parse("1s", List.of("us", "ms")))
                .hasMessage("must be a duration like 250ms (units us, ms), got '1s'");
    }

    @Test
    void aBareNumberOrAnyOtherShapeIsRefused() {
        // units are lower case (5S is refused) and a number has at most one point
        for (String text : List.of("2", "ms", "", "1.2.3ms", "5S", ".5s", "5.s", "-5s", "1e3ms", "5 s s")) {
            assertThatThrownBy(() -> DurationText.parse(text, ALL))
                    .as(text)
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("must be a duration like 5s (units us, ms, s, m), got '" + text + "'");
        }
    }

    @Test
    void aDurationTooLongToCountInNanosecondsIsRefused() {
        assertThat(DurationText.parse("153722867m", ALL)).isLessThan(Duration.ofNanos(Long.MAX_VALUE));
        assertThatThrownBy(() -> DurationText.parse("153722868m", ALL))
                .isInstanceOf(BadInputException.class)
                .hasMessage("is too long, got '153722868m'");
    }

    @Test
    void callersNameWhatWasReadAndCanSayWhatIsAcceptedInTheSameWords() {
        // "interval must be a duration like 5s (units ms, s), from 100ms to 60s, got '0.5m'"
        assertThat(DurationText.like(List.of("ms", "s"))).isEqualTo("a duration like 5s (units ms, s)");
    }
}

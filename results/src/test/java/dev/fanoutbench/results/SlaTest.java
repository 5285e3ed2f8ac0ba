package dev.fanoutbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A rule's limit is in its metric's terms: a time in ms (a bare number), s or us; efficiency and failed as numbers. */
class SlaTest {

    static double limit(String rule) {
        return Sla.parse(rule).rules().get(0).limit();
    }

    @Test
    void aTimeIsComparedInMillisecondsWhateverItsUnit() {
        assertThat(limit("fanout.vertx.p99 < 250")).isEqualTo(250);
        assertThat(limit("fanout.vertx.p99 < 250ms")).isEqualTo(250);
        assertThat(limit("fanout.vertx.p99 < 1.5 s")).isEqualTo(1500);
        assertThat(limit("fanout.*.stubP99 <= 500us")).isEqualTo(0.5);
    }

    @Test
    void efficiencyAndFailedArePlainNumbers() {
        assertThat(limit("bounded.*.efficiency > 0.95")).isEqualTo(0.95);
        assertThat(limit("*.*.failed <= 3")).isEqualTo(3);
        assertThatThrownBy(() -> Sla.parse("bounded.*.efficiency > 0.95s"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("SLA rule 'bounded.*.efficiency > 0.95s' does not parse:"
                        + " efficiency is a plain number, without a unit, got '0.95s'");
    }

    @Test
    void aUnitTheRuleDoesNotTakeIsNamedWithTheOnesItDoes() {
        assertThatThrownBy(() -> Sla.parse("fanout.vertx.p99 < 2m"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("SLA rule 'fanout.vertx.p99 < 2m' does not parse:"
                        + " its limit must be a duration like 5s (units ms, s, us), got '2m'");
    }

    @Test
    void aRuleOfAnotherShapeShowsAnExample() {
        assertThatThrownBy(() -> Sla.parse("fanout.vertx.p99 < 1.2.3ms"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("SLA rule 'fanout.vertx.p99 < 1.2.3ms' does not parse; expected e.g."
                        + " 'fanout.vertx.p99 < 250ms'");
    }
}

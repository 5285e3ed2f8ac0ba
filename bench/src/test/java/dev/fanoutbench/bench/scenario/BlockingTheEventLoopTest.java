package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.VertxEventLoopClient.IoMode;
import dev.fanoutbench.results.OutcomeKind;
import org.junit.jupiter.api.Test;

class BlockingTheEventLoopTest {

    static final long ONE_CALL_NANOS = BlockingTheEventLoop.DELAY_MS * 1_000_000;
    static final long ALL_CALLS_NANOS = BlockingTheEventLoop.REQUESTS * ONE_CALL_NANOS;

    @Test
    void aBlockingCallOnTheLoopMakesAsyncAsSlowAsSequentialAndTheCheckerFires() {
        ScenarioResult result = BlockingTheEventLoop.run(IoMode.BLOCKING_ON_LOOP, SharedServer.base());

        assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(BlockingTheEventLoop.REQUESTS);
        assertThat(result.wallNanos()).as("one call at a time").isGreaterThanOrEqualTo(ALL_CALLS_NANOS);
        assertThat(result.notes()).singleElement().asString().doesNotEndWith(": 0");
    }

    @Test
    void theSameCallsOnAWorkerPoolAreConcurrentAgain() {
        ScenarioResult result = BlockingTheEventLoop.run(IoMode.BLOCKING_ON_WORKER, SharedServer.base());

        assertThat(result.count(OutcomeKind.SUCCESS)).isEqualTo(BlockingTheEventLoop.REQUESTS);
        assertThat(result.wallNanos()).isGreaterThanOrEqualTo(ONE_CALL_NANOS).isLessThan(ALL_CALLS_NANOS / 2);
        assertThat(result.notes()).containsExactly("blocked-thread warnings: 0");
    }
}

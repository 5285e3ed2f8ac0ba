package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stub's counts trail the client: a reader waits for them, and no longer than it said it would. */
class SettledStatsTest {

    @Test
    void anAnswerWrittenAfterTheClientReadItIsWaitedFor() {
        // three received; the third answer's last byte is written two reads later
        Iterator<ServerStats.EndpointStats> readings =
                List.of(stats(3, 2, 0), stats(3, 2, 0), stats(3, 3, 0)).iterator();

        ServerStats.EndpointStats settled =
                SettledStats.await(readings::next, ServerStats.EndpointStats::received, Duration.ofSeconds(5));

        assertThat(settled.ended()).isEqualTo(3);
        assertThat(readings).isExhausted();
    }

    @Test
    void aStubThatNeverSettlesIsGivenUpOnWithItsLastReading() {
        long started = System.nanoTime();

        ServerStats.EndpointStats unsettled = SettledStats.await(() -> stats(3, 1, 0), s -> 3, Duration.ofMillis(100));

        assertThat(unsettled.ended()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private static ServerStats.EndpointStats stats(long received, long served, long clientDisconnects) {
        return new ServerStats.EndpointStats(
                received, 0, 0, served, clientDisconnects, Map.of(), ServerStats.Lateness.NONE, 0);
    }
}

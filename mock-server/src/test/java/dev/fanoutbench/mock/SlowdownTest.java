package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A slower dependency, simulated by the server alone: every delayed answer takes longer. */
class SlowdownTest {

    static final int DELAY_MS = 100;
    static final Slowdown TEN_PERCENT_AND_5_MS = new Slowdown(5, 10);
    static final int SLOWED_MS = DELAY_MS + 5 + DELAY_MS / 10;

    @RegisterExtension
    static final EmbeddedServer server =
            new EmbeddedServer(MockServerSettings.defaults().withSlowdown(TEN_PERCENT_AND_5_MS));

    @Test
    void everyDelayedAnswerIsSlowedAndSaysByHowMuch() throws Exception {
        long start = System.nanoTime();
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/1?delayMs=" + DELAY_MS);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header(StubHeaders.DELAY_MILLIS)).isEqualTo(Integer.toString(SLOWED_MS));
        assertThat(tookMillis).isGreaterThanOrEqualTo(SLOWED_MS);
    }

    @Test
    void theStubSaysHowItWasStartedSoARunCanRecordIt() {
        MockServerSettings settings = StatsOverHttp.read(server.baseUri()).settings();
        assertThat(settings.slowdown()).isEqualTo(TEN_PERCENT_AND_5_MS);
        assertThat(settings.acceptQueueSize())
                .isEqualTo(MockServerSettings.defaults().acceptQueueSize());
        assertThat(settings.protection().adminApi()).isFalse();
    }

    @Test
    void aRejectionIsNotSlowed() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/1?delayMs=oops");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header(StubHeaders.DELAY_MILLIS)).isEqualTo("0");
    }
}

package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each answer says which delay it was given and how late the server started it, so a client can
 * tell its own overhead from the stub's queueing.
 */
class ServerMeasuresItsOwnLatenessTest {

    static final int DELAY_MS = 50;
    static final int REQUESTS = 20;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void everyAnswerCarriesItsDelayAndLateness() throws Exception {
        for (int id = 0; id < REQUESTS; id++) {
            long start = System.nanoTime();
            RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/" + id + "?delayMs=" + DELAY_MS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMillis).as("no answer can beat its delay").isGreaterThanOrEqualTo(DELAY_MS);
            assertThat(reply.header(StubBehaviour.DELAY_HEADER)).isEqualTo(Integer.toString(DELAY_MS));
            assertThat(Long.parseLong(reply.header(ExchangeListener.LATENESS_HEADER))).isNotNegative();
        }
        ServerStats.Lateness lateness = StatsOverHttp.read(server.baseUri()).endpoint("items").lateness();
        assertThat(lateness.count()).isEqualTo(REQUESTS);
        assertThat(lateness.maxMicros()).isGreaterThanOrEqualTo(lateness.p99Micros()).isGreaterThanOrEqualTo(lateness.p50Micros());
    }

    @Test
    void aLognormalDelayIsSampledOncePerRequestAndReported() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/jitter/1?medianMs=20&sigma=0.5");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(Long.parseLong(reply.header(StubBehaviour.DELAY_HEADER))).isPositive();
    }
}

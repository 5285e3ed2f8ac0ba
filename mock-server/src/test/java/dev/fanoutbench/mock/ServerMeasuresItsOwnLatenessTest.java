package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each answer says which delay it was given and how late the server started it, so a client can
 * tell its own overhead from the stub's queueing. Lateness counts from the moment the client says
 * it sent the request (same host, same monotonic clock), so waiting to be parsed counts too.
 */
class ServerMeasuresItsOwnLatenessTest {

    static final int DELAY_MS = 50;
    static final int REQUESTS = 20;
    /** A request that says it left the client this long ago has waited at least that long somewhere. */
    static final long SENT_AGO_MILLIS = 300;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void lateAnswersAreMeasuredFromTheClientsSendTime() throws Exception {
        StatsOverHttp.reset(server.baseUri());
        for (int id = 0; id < REQUESTS; id++) {
            long sentAgo = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(SENT_AGO_MILLIS);
            RawHttp.Reply reply = RawHttp.request(
                    server.baseUri(),
                    "GET",
                    "/api/items/" + id + "?delayMs=" + DELAY_MS,
                    Map.of(StubHeaders.CLIENT_SEND_NANOS, Long.toString(sentAgo)));

            assertThat(reply.header(StubHeaders.DELAY_MILLIS)).isEqualTo(Integer.toString(DELAY_MS));
            assertThat(Long.parseLong(reply.header(StubHeaders.LATE_MICROS)))
                    .as("the %d ms before the server saw it are the server's share", SENT_AGO_MILLIS)
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(SENT_AGO_MILLIS));
        }
        ServerStats.Lateness lateness =
                StatsOverHttp.read(server.baseUri()).endpoint("items").lateness();
        assertThat(lateness.count()).isEqualTo(REQUESTS);
        assertThat(lateness.fromClientClock()).isEqualTo(REQUESTS);
        assertThat(lateness.complete()).isTrue();
        assertThat(lateness.p50Micros()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMicros(SENT_AGO_MILLIS));
    }

    @Test
    void withoutTheClientsClockLatenessCountsFromArrivalAndSaysSo() throws Exception {
        StatsOverHttp.reset(server.baseUri());
        long start = System.nanoTime();
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/items/1?delayMs=" + DELAY_MS);
        long tookMicros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);

        long late = Long.parseLong(reply.header(StubHeaders.LATE_MICROS));
        assertThat(tookMicros).as("no answer can beat its delay").isGreaterThanOrEqualTo(DELAY_MS * 1_000L);
        assertThat(late)
                .as("lateness is what the exchange took beyond its delay")
                .isBetween(0L, tookMicros - DELAY_MS * 1_000L);
        ServerStats.Lateness lateness =
                StatsOverHttp.read(server.baseUri()).endpoint("items").lateness();
        assertThat(lateness.count()).isEqualTo(1);
        assertThat(lateness.fromClientClock()).isZero();
        assertThat(lateness.complete())
                .as("a lower bound, not the whole figure")
                .isFalse();
    }

    @Test
    void aSendTimeFromTheFutureIsNotTrusted() throws Exception {
        StatsOverHttp.reset(server.baseUri());
        long future = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        RawHttp.request(
                server.baseUri(),
                "GET",
                "/api/items/1?delayMs=0",
                Map.of(StubHeaders.CLIENT_SEND_NANOS, Long.toString(future)));
        assertThat(StatsOverHttp.read(server.baseUri())
                        .endpoint("items")
                        .lateness()
                        .fromClientClock())
                .isZero();
    }

    @Test
    void aLognormalDelayIsSampledOncePerRequestAndReported() throws Exception {
        RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/jitter/1?medianMs=20&sigma=0.5");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(Long.parseLong(reply.header(StubHeaders.DELAY_MILLIS))).isPositive();
    }
}

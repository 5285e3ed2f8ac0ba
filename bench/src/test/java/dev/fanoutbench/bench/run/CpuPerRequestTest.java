package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CPU per request is the requests' own, and only where the requests are enough to decide it. */
class CpuPerRequestTest {

    static final long ONE_SECOND = 1_000_000_000L;

    @Test
    void whatTheIdleJvmBurnsForAsLongIsNotCountedAsTheRequests() {
        // 10,000 requests over 10 s cost 2 s of CPU; idle, the JVM burns 2% of a core: 0.2 s of it
        Long micros = SummaryBuilder.requestCpuMicros(2 * ONE_SECOND, 0.02 * 10 * ONE_SECOND, 10_000);

        assertThat(micros).isEqualTo(180);
    }

    @Test
    void nineRequestsDecideNothing() {
        // a quick run's fan-out: the JIT and GC of the whole trial spread over nine requests read 13,333 us each
        assertThat(SummaryBuilder.requestCpuMicros(120_000_000L, 0, 9)).isNull();
    }

    @Test
    void requestsThatCostLessThanTheIdleJvmDecideNothingEither() {
        assertThat(SummaryBuilder.requestCpuMicros(150_000_000L, 100_000_000.0, 5_000))
                .isNull();
    }
}

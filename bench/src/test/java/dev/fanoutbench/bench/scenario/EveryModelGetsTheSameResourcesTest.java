package dev.fanoutbench.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.bench.model.BatchOptions;
import dev.fanoutbench.bench.model.ClientModel;
import dev.fanoutbench.bench.model.Clients;
import dev.fanoutbench.bench.model.ModelKind;
import dev.fanoutbench.bench.model.Resources;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Models are compared on equal terms: the same threads for offloaded CPU work, and measured warm on every lane. The
 * event loop has a client per loop, and a warm-up sent as one batch would warm only one of them.
 */
class EveryModelGetsTheSameResourcesTest {

    @Test
    void afterTheWarmUpEveryClientHasTheSameCpuWorkersAndEveryLaneWarm() {
        Map<String, Resources> warmed = new LinkedHashMap<>();
        for (String client : Clients.all()) {
            try (ClientModel model = Clients.create(client, 0)) {
                assertThat(model.resources().lanesWarmed())
                        .as("%s before any request", client)
                        .isZero();
                WarmUp.run(model, SharedServer.base());
                warmed.put(client, model.resources());
            }
        }

        assertThat(warmed.values())
                .extracting(Resources::cpuWorkers)
                .containsOnly(warmed.get("vertx").cpuWorkers());
        assertThat(warmed.get("vertx").cpuWorkers()).isPositive();
        assertThat(warmed.get("vertx").lanes()).as("an event loop per lane").isGreaterThan(1);
        assertThat(warmed)
                .allSatisfy((client, resources) -> assertThat(resources.lanesWarmed())
                        .as("%s's warm lanes", client)
                        .isEqualTo(resources.lanes()));
    }

    @Test
    void aWarmUpSentAsOneBatchWarmsOneEventLoopOnly() {
        try (ClientModel model = ModelKind.VERTX.create()) {
            model.run(
                    Requests.items(SharedServer.base(), WarmUp.REQUESTS, 0),
                    BatchOptions.defaults().withMaxInFlight(10));

            assertThat(model.resources().lanesWarmed()).isEqualTo(1);
            assertThat(model.resources().lanes()).isGreaterThan(1);
        }
    }
}

package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event-loop model deploys one verticle instance per event loop, as Vert.x users do: each lane (a client and
 * the connections it opens) lives on a loop of its own, so no loop carries another's connections.
 */
class OneLanePerEventLoopTest {

    @Test
    void everyLaneRunsOnAnEventLoopOfItsOwn() {
        try (VertxEventLoopClient model = new VertxEventLoopClient()) {
            List<Thread> threads = model.laneThreads();

            assertThat(model.resources().lanes()).isEqualTo(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE);
            assertThat(threads)
                    .hasSize(model.resources().lanes())
                    .doesNotHaveDuplicates()
                    .allSatisfy(thread -> assertThat(thread.getName()).startsWith("vert.x-eventloop-thread-"));
        }
    }
}

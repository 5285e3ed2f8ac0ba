package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 2xx is a success only if the batch's check accepts its body; the check is the batch's, not the accounting's. */
class ResponseCheckTest {

    @Test
    void anAnswerThatDoesNotEchoTheIdIsMalformedUnlessTheBatchAcceptsAny2xx() {
        try (MockServer server = MockServer.start(MockServerSettings.defaults()); ClientModel model = ModelKind.VIRTUAL_THREADS.create()) {
            List<URI> stats = List.of(server.baseUri().resolve("/stats"));

            Outcome echoChecked = model.run(stats, BatchOptions.defaults()).get(0);
            Outcome anyAnswer = model.run(stats, BatchOptions.defaults().withCheck(ResponseCheck.ANY_2XX)).get(0);

            assertThat(echoChecked.kind()).isEqualTo(OutcomeKind.CONNECTION_ERROR);
            assertThat(echoChecked.detail()).isEqualTo("malformed: body does not echo id stats");
            assertThat(anyAnswer.kind()).isEqualTo(OutcomeKind.SUCCESS);
        }
    }
}

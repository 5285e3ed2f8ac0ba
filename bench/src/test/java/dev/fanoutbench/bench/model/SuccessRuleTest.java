package dev.fanoutbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.mock.MockServer;
import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.OutcomeKind;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What counts as a success is the batch's rule, applied by the accounting every model shares: a
 * status in the batch's range, then a body its check accepts. A status outside the range is an
 * HTTP error; a body that fails the check is a bad answer, not a connection error.
 */
class SuccessRuleTest {

    static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockServerSettings.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Outcome one(ModelKind kind, String path, BatchOptions options) {
        try (ClientModel model = kind.create()) {
            return model.run(List.of(server.baseUri().resolve(path)), options).get(0);
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void a200IsAnHttpErrorWhenOnly201CountsAsSuccess(ModelKind kind) {
        Outcome outcome =
                one(kind, "/api/items/7?delayMs=0", BatchOptions.defaults().withSuccess(new SuccessStatus(201, 201)));

        assertThat(outcome.kind()).isEqualTo(OutcomeKind.HTTP_ERROR);
        assertThat(outcome.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void a404IsASuccessWhenTheRangeReachesIt(ModelKind kind) {
        BatchOptions anyBody = BatchOptions.defaults().withCheck(ResponseCheck.ANY_2XX);

        Outcome widened = one(kind, "/api-v2/nothing-here/7", anyBody.withSuccess(new SuccessStatus(200, 499)));
        Outcome usual = one(kind, "/api-v2/nothing-here/7", anyBody);

        assertThat(widened.kind()).isEqualTo(OutcomeKind.SUCCESS);
        assertThat(widened.status()).isEqualTo(404);
        assertThat(usual.kind()).isEqualTo(OutcomeKind.HTTP_ERROR);
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void anAnswerThatDoesNotEchoTheIdIsABadAnswerUnlessTheBatchAcceptsAnyBody(ModelKind kind) {
        String stats = "/stats";

        Outcome echoChecked = one(kind, stats, BatchOptions.defaults());
        Outcome anyBody = one(kind, stats, BatchOptions.defaults().withCheck(ResponseCheck.ANY_2XX));

        assertThat(echoChecked.kind()).isEqualTo(OutcomeKind.BAD_ANSWER);
        assertThat(echoChecked.detail()).isEqualTo("bad answer: body does not echo id stats");
        assertThat(anyBody.kind()).isEqualTo(OutcomeKind.SUCCESS);
    }
}

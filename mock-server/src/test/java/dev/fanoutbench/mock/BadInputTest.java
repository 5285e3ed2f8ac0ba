package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets one line that names the problem and exit code 2 (CLI), or a JSON 400 (HTTP). */
class BadInputTest {

    record Run(int exitCode, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        MockServerMain main = new MockServerMain(new PrintWriter(out, true));
        int exit = MockServerMain.run(main, new PrintWriter(out, true), new PrintWriter(err, true), args);
        main.stop();
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anUnknownFlagIsNamed() {
        Run run = cli("--prot", "8080");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("--prot");
    }

    @Test
    void aNegativeSlowdownIsRefused() {
        Run run = cli("--port", "0", "--extra-delay-percent", "-5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("extra delay percent must be from 0 to 1000, got -5");
    }

    @Test
    void aNegativePortIsRefused() {
        Run run = cli("--port", "-1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("port must be from 0 to 65535, got -1");
    }

    @Test
    void aPortInUseIsNamed() {
        try (MockServer taken = MockServer.start(MockServerSettings.defaults())) {
            Run run = cli("--port", Integer.toString(taken.port()));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines())
                    .singleElement()
                    .asString()
                    .contains("127.0.0.1:" + taken.port())
                    .contains("already in use");
        }
    }

    @Test
    void aGoodCommandLineStartsAndSaysWhere() {
        StringWriter out = new StringWriter();
        MockServerMain main = new MockServerMain(new PrintWriter(out, true));
        try {
            int exit = MockServerMain.run(
                    main, new PrintWriter(out, true), new PrintWriter(new StringWriter()), "--port", "0");
            assertThat(exit).isZero();
            assertThat(out.toString())
                    .startsWith("mock-server listening on http://127.0.0.1:"
                            + main.server().port());
        } finally {
            main.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"delayMs=abc", "delayMs=-5", "delayMs=600001", "medianMs=0", "sigma=x"})
    void aBadQueryParameterGetsA400NamingIt(String query) throws Exception {
        try (MockServer server = MockServer.start(MockServerSettings.defaults())) {
            RawHttp.Reply reply = RawHttp.get(server.baseUri(), "/api/jitter/1?" + query);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            String error =
                    new ObjectMapper().readTree(reply.body()).path("error").asText();
            assertThat(error).startsWith(query.substring(0, query.indexOf('=')) + " must be");
        }
    }
}

package dev.fanoutbench.mock;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A mock server per test class: {@code @RegisterExtension static EmbeddedServer server = new EmbeddedServer();} */
final class EmbeddedServer implements BeforeAllCallback, AfterAllCallback {

    private final MockServerSettings settings;
    private MockServer server;

    EmbeddedServer() {
        this(MockServerSettings.defaults());
    }

    EmbeddedServer(MockServerSettings settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = MockServer.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    MockServer get() {
        return server;
    }

    URI baseUri() {
        return server.baseUri();
    }
}

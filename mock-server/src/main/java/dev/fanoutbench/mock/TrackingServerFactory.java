package dev.fanoutbench.mock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannel;

/** WireMock's own Jetty 11 server, with a listener on its connectors that sees every exchange. */
record TrackingServerFactory(HttpChannel.Listener listener) implements HttpServerFactory {

    @Override
    public String getName() {
        return "fanout-tracking-jetty";
    }

    @Override
    public HttpServer buildHttpServer(Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
        return new Jetty11HttpServer(options, admin, stubs) {
            {
                // connectors exist once the super constructor returns and start only later
                for (Connector connector : jettyServer.getConnectors()) {
                    connector.addBean(listener);
                }
            }
        };
    }
}

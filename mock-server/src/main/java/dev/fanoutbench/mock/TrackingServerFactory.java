package dev.fanoutbench.mock;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's own Jetty 11 server, with a listener on its connectors that sees every exchange and
 * counts connections, a guard in front of the stubs and another in front of the admin API, and
 * JSON for every error page.
 */
record TrackingServerFactory(
        HttpChannel.Listener listener, ConnectionCounter connections, StubGuard stubGuard, AdminGate adminGate)
        implements HttpServerFactory {

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
                    connector.addBean(connections);
                }
                jettyServer.setErrorHandler(new JsonErrors());
            }

            // called from the super constructor: only the record's fields are used, which are set by then
            @Override
            protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
                super.decorateMockServiceContextBeforeConfig(context);
                context.addFilter(new FilterHolder(stubGuard), "/*", EnumSet.of(DispatcherType.REQUEST));
                context.setErrorHandler(new JsonErrors());
            }

            @Override
            protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
                super.decorateAdminServiceContextBeforeConfig(context);
                context.addFilter(new FilterHolder(adminGate), "/*", EnumSet.of(DispatcherType.REQUEST));
                context.setErrorHandler(new JsonErrors());
            }
        };
    }
}

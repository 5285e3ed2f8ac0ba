package dev.fanoutbench.mock;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * WireMock's admin API can shut the server down, change it, and create proxy stubs (a way to make
 * it fetch any URL): off unless asked for ({@code --admin}), and then for clients on this machine
 * only, whose Host header names this machine too, so a web page in a browser cannot reach it
 * through a rebound DNS name.
 */
final class AdminGate implements Filter {

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final boolean enabled;
    private final Refusals refusals;

    AdminGate(boolean enabled, Refusals refusals) {
        this.enabled = enabled;
        this.refusals = refusals;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!enabled) {
            refusals.refused(Refusals.ADMIN_OFF);
            JsonErrors.send(
                    response,
                    404,
                    "the admin API is off; start the mock server with --admin to enable it"
                            + " (for clients on this machine only)");
            return;
        }
        if (!fromThisMachine(request)) {
            refusals.refused(Refusals.ADMIN_NOT_LOOPBACK);
            JsonErrors.send(
                    response, 403, "the admin API answers only clients on this machine that name it as localhost");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        try {
            if (!InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
                return false;
            }
        } catch (UnknownHostException e) {
            return false;
        }
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf(']')) {
            name = name.substring(0, colon);
        }
        return LOOPBACK_NAMES.contains(name);
    }
}

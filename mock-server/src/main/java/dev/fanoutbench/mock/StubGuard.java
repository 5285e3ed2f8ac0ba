package dev.fanoutbench.mock;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * What reaches the stubs has been checked first: a query that does not decode gets a JSON 400
 * (WireMock would answer an HTML 500), a body larger than the cap a 413 before a byte of it is
 * read, and a body that stalls a 408 within seconds, since the connection's own idle timeout is
 * as long as the longest delay. A body within the cap is read here, whole, and handed on. A
 * request that may ask for its answer in chunks goes on through {@link Dribble}.
 */
final class StubGuard implements Filter {

    private final long maxBodyBytes;
    private final long bodyTimeoutMillis;
    private final Refusals refusals;
    private final Dribble dribble;

    StubGuard(long maxBodyBytes, long bodyTimeoutMillis, Refusals refusals, Dribble dribble) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyTimeoutMillis = bodyTimeoutMillis;
        this.refusals = refusals;
        this.dribble = dribble;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String undecodable = undecodable(request.getQueryString());
        if (undecodable != null) {
            refusals.refused(Refusals.BAD_QUERY);
            JsonErrors.send(response, 400, "the query does not decode: " + undecodable);
            return;
        }
        long length = request.getContentLengthLong();
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBodyBytes) {
            refusals.refused(Refusals.BODY_TOO_LARGE);
            JsonErrors.send(response, 413, "the body is " + length + " bytes; this stub takes at most " + maxBodyBytes);
            return;
        }
        if (length <= 0 && !chunked) {
            passOn(request, response, chain);
            return;
        }
        byte[] body;
        EndPoint endPoint = Request.getBaseRequest(request).getHttpChannel().getEndPoint();
        long idleTimeout = endPoint.getIdleTimeout();
        endPoint.setIdleTimeout(bodyTimeoutMillis);
        try {
            body = readAtMost(request.getInputStream(), maxBodyBytes);
        } catch (IOException stalledOrGone) {
            refusals.refused(Refusals.BODY_STALLED);
            response.setHeader("Connection", "close");
            JsonErrors.send(response, 408, "the body did not arrive within " + bodyTimeoutMillis + " ms");
            return;
        } finally {
            endPoint.setIdleTimeout(idleTimeout);
        }
        if (body == null) {
            refusals.refused(Refusals.BODY_TOO_LARGE);
            response.setHeader("Connection", "close");
            JsonErrors.send(
                    response, 413, "the body is larger than " + maxBodyBytes + " bytes, the most this stub takes");
            return;
        }
        passOn(new BufferedBody(request, body), response, chain);
    }

    private void passOn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Dribble.mayStream(request)) {
            dribble.filter(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The first part of the query that does not decode, or null. */
    static String undecodable(String query) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            try {
                URLDecoder.decode(part, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return part.length() > 100 ? part.substring(0, 100) : part;
            }
        }
        return null;
    }

    /** The whole body, or null if it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            body.write(buffer, 0, n);
            if (body.size() > max) {
                return null;
            }
        }
        return body.toByteArray();
    }

    /** The request with its body already read. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was read already: read it blocking");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

package dev.fanoutbench.mock;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A one-connection-per-request HTTP/1.1 client for tests. A pooled client may silently retry a
 * GET whose connection failed, and the server would then count two requests for one; this one
 * never retries, and it tells a reset, an empty answer and a malformed chunk apart.
 */
final class RawHttp {

    enum Kind {
        RESPONSE,
        RESET,
        EMPTY,
        MALFORMED
    }

    record Reply(Kind kind, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    static Reply get(URI base, String pathAndQuery) throws IOException {
        return request(base, "GET", pathAndQuery);
    }

    static Reply request(URI base, String method, String pathAndQuery) throws IOException {
        return request(base, method, pathAndQuery, Map.of());
    }

    static Reply request(URI base, String method, String pathAndQuery, Map<String, String> headers) throws IOException {
        return request(base, method, pathAndQuery, headers, new byte[0]);
    }

    /** A request with a body (sent with its Content-Length). */
    static Reply request(URI base, String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = open(base)) {
            send(socket, method, pathAndQuery, headers, body);
            return read(socket.getInputStream());
        }
    }

    /** Sends the request and returns the open socket: the caller decides when the client gives up. */
    static Socket sendOnly(URI base, String pathAndQuery) throws IOException {
        Socket socket = open(base);
        send(socket, "GET", pathAndQuery, Map.of());
        return socket;
    }

    /** Sends a GET on a socket {@link #open}ed earlier and reads the reply; closes the socket. */
    static Reply get(Socket connected, String pathAndQuery) throws IOException {
        try (connected) {
            send(connected, "GET", pathAndQuery, Map.of());
            return read(connected.getInputStream());
        }
    }

    /** Sends a GET with headers on a socket {@link #open}ed earlier and reads the reply; closes the socket. */
    static Reply exchange(Socket connected, String pathAndQuery, Map<String, String> headers) {
        try (connected) {
            send(connected, "GET", pathAndQuery, headers);
            return read(connected.getInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Socket open(URI base) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static void send(Socket socket, String method, String pathAndQuery, Map<String, String> headers)
            throws IOException {
        send(socket, method, pathAndQuery, headers, new byte[0]);
    }

    static void send(Socket socket, String method, String pathAndQuery, Map<String, String> headers, byte[] body)
            throws IOException {
        // keep-alive, as real clients ask: the server then frames bodies (length or chunks)
        StringBuilder request = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        socket.getOutputStream().flush();
    }

    private static Reply read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String statusLine;
        try {
            statusLine = line(in);
        } catch (SocketException reset) {
            return new Reply(Kind.RESET, 0, Map.of(), String.valueOf(reset.getMessage()));
        }
        if (statusLine == null) {
            return new Reply(Kind.EMPTY, 0, Map.of(), "");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            String body = dechunk(in);
            return body == null
                    ? new Reply(Kind.MALFORMED, status, headers, "")
                    : new Reply(Kind.RESPONSE, status, headers, body);
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? in.readAllBytes() : in.readNBytes(Integer.parseInt(length));
        return new Reply(Kind.RESPONSE, status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The body, or null if the chunked encoding is broken or cut short. */
    private static String dechunk(InputStream in) throws IOException {
        StringBuilder body = new StringBuilder();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                return null;
            }
            int size;
            try {
                size = Integer.parseInt(sizeLine.trim(), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (size == 0) {
                line(in);
                return body.toString();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size || !"".equals(line(in))) {
                return null;
            }
            body.append(new String(chunk, StandardCharsets.UTF_8));
        }
    }

    /** One CRLF-terminated line, or null at end of stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString().replaceAll("\r$", "");
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }
}

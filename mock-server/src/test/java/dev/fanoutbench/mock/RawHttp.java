package dev.fanoutbench.mock;

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

    enum Kind { RESPONSE, RESET, EMPTY, MALFORMED }

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
        try (Socket socket = open(base)) {
            send(socket, method, pathAndQuery);
            return read(socket.getInputStream());
        }
    }

    /** Sends the request and returns the open socket: the caller decides when the client gives up. */
    static Socket sendOnly(URI base, String pathAndQuery) throws IOException {
        Socket socket = open(base);
        send(socket, "GET", pathAndQuery);
        return socket;
    }

    /** Sends a GET on a socket {@link #open}ed earlier and reads the reply; closes the socket. */
    static Reply get(Socket connected, String pathAndQuery) throws IOException {
        try (connected) {
            send(connected, "GET", pathAndQuery);
            return read(connected.getInputStream());
        }
    }

    static Socket open(URI base) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static void send(Socket socket, String method, String pathAndQuery) throws IOException {
        String request = method + " " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Length: 0\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    private static Reply read(InputStream in) throws IOException {
        byte[] all;
        try {
            all = in.readAllBytes();
        } catch (SocketException reset) {
            return new Reply(Kind.RESET, 0, Map.of(), reset.getMessage());
        }
        if (all.length == 0) {
            return new Reply(Kind.EMPTY, 0, Map.of(), "");
        }
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, headEnd < 0 ? text.length() : headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String rawBody = headEnd < 0 ? "" : text.substring(headEnd + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            String body = dechunk(rawBody);
            return body == null ? new Reply(Kind.MALFORMED, status, headers, rawBody) : new Reply(Kind.RESPONSE, status, headers, body);
        }
        return new Reply(Kind.RESPONSE, status, headers, rawBody);
    }

    /** The body, or null if the chunked encoding is broken or cut short. */
    private static String dechunk(String raw) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = raw.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return null;
            }
            int size;
            try {
                size = Integer.parseInt(raw.substring(at, lineEnd).trim(), 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (size == 0) {
                return body.toString();
            }
            int start = lineEnd + 2;
            if (start + size + 2 > raw.length()) {
                return null;
            }
            body.append(raw, start, start + size);
            at = start + size + 2;
        }
    }
}

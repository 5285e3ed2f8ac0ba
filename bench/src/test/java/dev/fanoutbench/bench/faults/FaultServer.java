package dev.fanoutbench.bench.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that breaks HTTP on purpose, one way per instance, on loopback. It counts the
 * connections still open, so a test can see that the client let go of every one.
 */
final class FaultServer implements AutoCloseable {

    enum Fault {
        /** a status line, then one header byte every 100 ms, forever */
        TRICKLED_HEADERS,
        /** a body announced at a terabyte, streamed as fast as the client reads */
        ENDLESS_BODY,
        /** random bytes instead of HTTP, then the connection closes */
        GARBAGE,
        /** a tenth of the announced body, then a reset */
        RESET_MID_BODY
    }

    private final Fault fault;
    private final ServerSocket listener;
    private final AtomicInteger open = new AtomicInteger();
    private final Thread acceptor;

    FaultServer(Fault fault) throws IOException {
        this.fault = fault;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("fault-server").start(this::acceptAll);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** Connections accepted and not yet closed by either side. */
    int openConnections() {
        return open.get();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            readRequestHead(client.getInputStream());
            OutputStream out = client.getOutputStream();
            switch (fault) {
                case TRICKLED_HEADERS -> {
                    out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    while (true) {
                        out.write('a');
                        out.flush();
                        TimeUnit.MILLISECONDS.sleep(
                                100); // the trickle's pace is the fault, not a wait for something to happen
                    }
                }
                case ENDLESS_BODY -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    while (true) {
                        out.write(chunk);
                    }
                }
                case GARBAGE -> {
                    byte[] noise = new byte[256];
                    new Random(7).nextBytes(noise);
                    out.write(noise);
                }
                case RESET_MID_BODY -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(new byte[100]);
                    out.flush();
                    client.setSoLinger(true, 0); // the close becomes a reset
                }
            }
        } catch (IOException | InterruptedException clientGone) {
            // the client hung up: that is how these end
        } finally {
            open.decrementAndGet();
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }
}

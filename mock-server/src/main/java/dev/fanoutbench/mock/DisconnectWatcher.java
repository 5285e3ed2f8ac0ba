package dev.fanoutbench.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;

/**
 * Notices a client that closes its connection while its answer is still delayed.
 *
 * <p>Jetty 11 does not read from a connection whose request is suspended, so a client that gives
 * up (a timeout, a cancelled future) would stay "in flight" until the delay ran out. This watcher
 * registers each waiting socket with a selector of its own, which costs nothing while the client
 * is quiet: an HTTP/1.1 client sends nothing while it waits, so readability means end-of-stream
 * or a reset. Reads happen only while the exchange is still {@code WAITING}, under its lock, so the
 * watcher never takes bytes that belong to Jetty (pipelined requests are not supported while an
 * answer is pending).
 *
 * <p>One daemon thread; {@link #watch} may be called from any thread.
 */
final class DisconnectWatcher implements AutoCloseable {

    private static final long SELECT_TIMEOUT_MILLIS = 20;

    private record Watched(Exchange exchange, EndPoint endPoint) {}

    private final Selector selector;
    private final Consumer<Exchange> onClientGone;
    private final Thread thread;
    private final ByteBuffer scratch = ByteBuffer.allocate(64);
    private volatile boolean running = true;

    DisconnectWatcher(Consumer<Exchange> onClientGone) {
        this.onClientGone = onClientGone;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector to watch for closed clients", e);
        }
        this.thread = new Thread(this::run, "mock-server-disconnect-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void watch(Exchange exchange, EndPoint endPoint) {
        if (!(endPoint instanceof SelectableChannelEndPoint)
                || !(((SelectableChannelEndPoint) endPoint).getChannel() instanceof SocketChannel)) {
            return;
        }
        SocketChannel channel = (SocketChannel) ((SelectableChannelEndPoint) endPoint).getChannel();
        synchronized (exchange) {
            if (!exchange.isWaiting()) {
                return;
            }
            try {
                // one registration per connection, reused by each request a keep-alive client sends:
                // a cancelled key cannot be registered again until the selector has flushed it
                SelectionKey key = channel.keyFor(selector);
                Watched watched = new Watched(exchange, endPoint);
                if (key == null) {
                    key = channel.register(selector, SelectionKey.OP_READ, watched);
                } else {
                    key.attach(watched);
                    key.interestOps(SelectionKey.OP_READ);
                }
                exchange.watchWith(key);
            } catch (ClosedChannelException | CancelledKeyException alreadyGone) {
                // the client left before we could watch: same outcome as seeing it leave
                onClientGone.accept(exchange);
            }
        }
    }

    /** Stops watching a connection between requests, keeping its registration for the next one. */
    static void pause(SelectionKey key) {
        try {
            key.interestOps(0);
            key.attach(null);
        } catch (CancelledKeyException closed) {
            // the connection is closed: nothing left to pause
        }
    }

    private void run() {
        while (running) {
            try {
                selector.select(this::onReadable, SELECT_TIMEOUT_MILLIS);
            } catch (IOException | RuntimeException e) {
                if (running) {
                    System.err.println("mock-server: disconnect watcher: " + e);
                }
            }
        }
    }

    private void onReadable(SelectionKey key) {
        Watched watched = (Watched) key.attachment();
        if (watched == null) {
            return;
        }
        boolean gone;
        synchronized (watched.exchange()) {
            if (!watched.exchange().isWaiting()) {
                return;
            }
            gone = endOfStream((SocketChannel) key.channel());
            if (gone) {
                pause(key);
            }
        }
        if (gone) {
            onClientGone.accept(watched.exchange());
            watched.endPoint().close();
        }
    }

    private boolean endOfStream(SocketChannel channel) {
        try {
            scratch.clear();
            return channel.read(scratch) < 0;
        } catch (IOException resetOrClosed) {
            return true;
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(1_000);
            selector.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // closing on shutdown: nothing left to tell
        }
    }
}

package dev.fanoutbench.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Notices a client that closes its connection while its answer is still delayed.
 *
 * <p>Jetty 11 does not read from a connection whose request is suspended, so a client that gives
 * up (a timeout, a cancelled future) would stay "in flight" until the delay ran out. This watcher
 * registers each waiting socket with a selector of its own, which costs nothing while the client
 * is quiet. When the socket becomes readable:
 * <ul>
 * <li>a reset: the client is gone;</li>
 * <li>end of stream: the client closed, or only half-closed its sending side and still waits for
 *     its answer (legal in HTTP/1.1). The two look alike from here, so an HTTP/1.1 client gets an
 *     interim {@code 100 Continue}, which every HTTP/1.1 client must accept and skip; a client
 *     that really closed answers it with a reset, so a moment later the next interim answer cannot
 *     be written (a read cannot tell: after the end of stream it reads nothing, reset or not). An
 *     HTTP/1.0 client must not be sent one: it keeps its exchange and gets its answer when due;</li>
 * <li>data: the client is there and sending; the watcher stops watching that connection (it never
 *     spins on a busy one). Pipelining while an answer is pending is not supported.</li>
 * </ul>
 * Reads and writes happen only while the exchange is still waiting, under its lock, so they never
 * meet Jetty's own. A failure inside the loop is reported and the loop goes on: a dead watcher
 * would leak every connection it was meant to notice.
 *
 * <p>One daemon thread; {@link #watch} may be called from any thread.
 */
final class DisconnectWatcher implements AutoCloseable {

    private static final long SELECT_TIMEOUT_MILLIS = 20;
    /** After an interim answer, when to look for the reset a closed client's kernel sends back. */
    private static final long[] RECHECK_AFTER_MILLIS = {20, 200, 2_000};

    private static final byte[] INTERIM = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private record Watched(Exchange exchange, SocketChannel channel, boolean http11, Runnable close) {}

    private record Recheck(Watched watched, long dueNanos, int attempt) {}

    private enum Seen {
        GONE,
        HALF_CLOSED,
        SENDING,
        NOTHING
    }

    private final Selector selector;
    private final Consumer<Exchange> onClientGone;
    private final Thread thread;
    private final ByteBuffer scratch = ByteBuffer.allocate(256);
    private final ConcurrentLinkedQueue<Recheck> rechecks = new ConcurrentLinkedQueue<>();
    private final AtomicLong failures = new AtomicLong();
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

    /**
     * @param http11 whether the client spoke HTTP/1.1 (and may be sent an interim answer)
     * @param close  closes the server's side of the connection once the client is known gone
     */
    void watch(Exchange exchange, SocketChannel channel, boolean http11, Runnable close) {
        synchronized (exchange) {
            if (!exchange.isWaiting()) {
                return;
            }
            try {
                // one registration per connection, reused by each request a keep-alive client sends:
                // a cancelled key cannot be registered again until the selector has flushed it
                SelectionKey key = channel.keyFor(selector);
                Watched watched = new Watched(exchange, channel, http11, close);
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

    /** Failures inside the watcher's loop so far (each reported once on stderr). */
    long failures() {
        return failures.get();
    }

    private void run() {
        while (running) {
            try {
                selector.select(this::onReadable, SELECT_TIMEOUT_MILLIS);
                runDueRechecks();
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    private void onReadable(SelectionKey key) {
        Watched watched = (Watched) key.attachment();
        if (watched == null) {
            return;
        }
        try {
            Seen seen;
            synchronized (watched.exchange()) {
                if (!watched.exchange().isWaiting()) {
                    return;
                }
                seen = look(watched.channel());
                if (seen != Seen.NOTHING) {
                    pause(key); // from here on: rechecks, or nothing; never a readable key left to spin on
                }
                if (seen == Seen.HALF_CLOSED && watched.http11()) {
                    seen = probe(watched);
                }
            }
            if (seen == Seen.GONE) {
                gone(watched);
            }
        } catch (Throwable e) {
            pause(key);
            failed(e);
        }
    }

    /** Under the exchange's lock: the interim answer, then a later look for the reset it draws from a closed client. */
    private Seen probe(Watched watched) {
        if (!interim(watched.channel())) {
            return Seen.GONE;
        }
        rechecks.add(
                new Recheck(watched, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECHECK_AFTER_MILLIS[0]), 0));
        return Seen.HALF_CLOSED;
    }

    private void runDueRechecks() {
        long now = System.nanoTime();
        List<Recheck> later = new ArrayList<>();
        for (Iterator<Recheck> it = rechecks.iterator(); it.hasNext(); ) {
            Recheck recheck = it.next();
            if (recheck.dueNanos() > now) {
                continue;
            }
            it.remove();
            Watched watched = recheck.watched();
            Seen seen;
            synchronized (watched.exchange()) {
                if (!watched.exchange().isWaiting()) {
                    continue;
                }
                seen = interim(watched.channel()) ? Seen.HALF_CLOSED : Seen.GONE;
            }
            if (seen == Seen.GONE) {
                gone(watched);
            } else if (seen == Seen.HALF_CLOSED && recheck.attempt() + 1 < RECHECK_AFTER_MILLIS.length) {
                int next = recheck.attempt() + 1;
                later.add(new Recheck(watched, now + TimeUnit.MILLISECONDS.toNanos(RECHECK_AFTER_MILLIS[next]), next));
            }
            // otherwise half-closed and still there after every look: it gets its answer when due
        }
        rechecks.addAll(later);
    }

    /** Writes an interim answer; false if it cannot be written because the client is gone. */
    private static boolean interim(SocketChannel channel) {
        try {
            channel.write(ByteBuffer.wrap(INTERIM));
            return true;
        } catch (IOException resetOrClosed) {
            return false;
        }
    }

    private Seen look(SocketChannel channel) {
        try {
            scratch.clear();
            int n = channel.read(scratch);
            return n < 0 ? Seen.HALF_CLOSED : n > 0 ? Seen.SENDING : Seen.NOTHING;
        } catch (IOException resetOrClosed) {
            return Seen.GONE;
        }
    }

    private void gone(Watched watched) {
        onClientGone.accept(watched.exchange());
        watched.close().run();
    }

    private void failed(Throwable e) {
        if (failures.incrementAndGet() == 1 && running) {
            System.err.println("mock-server: disconnect watcher: " + e + " (it keeps watching)");
        }
        if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
            throw fatal;
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

package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A failure inside the watcher is reported and survived: a dead watcher would leak every connection it was meant to
 * notice.
 */
class DisconnectWatcherTest {

    @Test
    void anErrorWhileHandlingOneClientDoesNotStopTheWatcher() throws Exception {
        List<Exchange> seenGone = new CopyOnWriteArrayList<>();
        try (ServerSocketChannel listener =
                        ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DisconnectWatcher watcher = new DisconnectWatcher(exchange -> {
                    seenGone.add(exchange);
                    if (seenGone.size() == 1) {
                        throw new AssertionError("a bug in whoever is told");
                    }
                })) {
            Exchange first = leaveAfterWatching(listener, watcher);
            await().atMost(Duration.ofSeconds(5)).until(() -> seenGone.contains(first));
            Exchange second = leaveAfterWatching(listener, watcher);

            await().atMost(Duration.ofSeconds(5)).until(() -> seenGone.contains(second));
            assertThat(watcher.failures()).isEqualTo(1);
        }
    }

    /** A client connects, its exchange is watched, and the client closes. */
    private static Exchange leaveAfterWatching(ServerSocketChannel listener, DisconnectWatcher watcher)
            throws Exception {
        SocketChannel client = SocketChannel.open(listener.getLocalAddress());
        SocketChannel server = listener.accept();
        server.configureBlocking(false);
        Exchange exchange = new Exchange("stuck", new EndpointCounters(), System.nanoTime(), -1, 0);
        watcher.watch(exchange, server, true, () -> close(server));
        client.close();
        return exchange;
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (java.io.IOException ignored) {
            // already closed
        }
    }
}

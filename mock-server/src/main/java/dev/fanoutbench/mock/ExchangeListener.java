package dev.fanoutbench.mock;

import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.Request;

/**
 * Follows each request through Jetty, below WireMock, because only Jetty knows when a delayed
 * answer is really written: WireMock's own AFTER_COMPLETE fires when the answer is merely
 * scheduled, which would undercount what is in flight.
 *
 * <p>Jetty calls these methods from its own threads; the exchange being dispatched is also kept
 * in a thread-local so WireMock extensions, which run on the dispatching thread, can reach it.
 */
final class ExchangeListener implements HttpChannel.Listener {

    private static final String EXCHANGE = Exchange.class.getName();
    private static final String FAULT_HEADER = Fault.class.getName();
    private static final ThreadLocal<Exchange> DISPATCHING = new ThreadLocal<>();

    private final ExchangeTracker tracker;
    private final DisconnectWatcher watcher;

    ExchangeListener(ExchangeTracker tracker, DisconnectWatcher watcher) {
        this.tracker = tracker;
        this.watcher = watcher;
    }

    /** The exchange this thread is dispatching, or null outside a tracked request. */
    static Exchange dispatching() {
        return DISPATCHING.get();
    }

    @Override
    public void onRequestBegin(Request request) {
        long now = System.nanoTime();
        long clientSend = ClientClock.sendNanos(
                request.getHeader(StubHeaders.CLIENT_SEND_NANOS), request.getRemoteInetSocketAddress(), now);
        Exchange exchange = tracker.arrived(request.getHttpURI().getPath(), now, clientSend);
        if (exchange != null) {
            request.setAttribute(EXCHANGE, exchange);
        }
    }

    @Override
    public void onBeforeDispatch(Request request) {
        DISPATCHING.set(exchangeOf(request));
    }

    @Override
    public void onAfterDispatch(Request request) {
        DISPATCHING.remove();
        Exchange exchange = exchangeOf(request);
        // a delayed answer leaves the request suspended: only then can the client leave unseen
        EndPoint endPoint = request.getHttpChannel().getEndPoint();
        if (exchange != null
                && request.isAsyncStarted()
                && endPoint instanceof SelectableChannelEndPoint selectable
                && selectable.getChannel() instanceof SocketChannel channel) {
            watcher.watch(exchange, channel, request.getHttpVersion() == HttpVersion.HTTP_1_1, endPoint::close);
        }
    }

    @Override
    public void onResponseBegin(Request request) {
        Exchange exchange = exchangeOf(request);
        if (exchange != null) {
            long latenessNanos = tracker.answerStarted(exchange, System.nanoTime());
            if (latenessNanos >= 0) {
                request.getResponse().setHeader(StubHeaders.LATE_MICROS, Long.toString(latenessNanos / 1_000));
            }
        }
    }

    @Override
    public void onComplete(Request request) {
        Exchange exchange = exchangeOf(request);
        if (exchange != null) {
            String fault = request.getResponse().getHeader(FAULT_HEADER);
            tracker.ended(
                    exchange,
                    fault != null
                            ? fault
                            : Integer.toString(request.getResponse().getStatus()));
        }
    }

    private static Exchange exchangeOf(Request request) {
        return (Exchange) request.getAttribute(EXCHANGE);
    }

    /** The exchange of a request as a filter sees it (through any wrappers), or null for an untracked path. */
    static Exchange exchangeOf(jakarta.servlet.ServletRequest request) {
        return (Exchange) request.getAttribute(EXCHANGE);
    }
}

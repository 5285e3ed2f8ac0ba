package dev.fanoutbench.bench.trial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * Counts JFR's {@code jdk.VirtualThreadPinned} events (a virtual thread blocked while it could not
 * leave its carrier) that happened during measured iterations, with where and why. JFR delivers
 * events late, so each is judged by its own start time, not by when it arrives.
 */
final class PinningWatch implements AutoCloseable {

    private record Window(Instant start, Instant end) {}

    /** Watches nothing: for models without virtual threads. */
    static final PinningWatch NONE = new PinningWatch(null);

    private final RecordingStream stream;
    private final List<Window> measured = new ArrayList<>();
    private final AtomicLong events = new AtomicLong();
    private final Map<String, Long> where = new ConcurrentHashMap<>();
    private volatile Instant openSince;

    private PinningWatch(RecordingStream stream) {
        this.stream = stream;
    }

    static PinningWatch start() {
        PinningWatch watch = new PinningWatch(new RecordingStream());
        watch.stream.enable("jdk.VirtualThreadPinned").withStackTrace();
        watch.stream.onEvent("jdk.VirtualThreadPinned", watch::seen);
        watch.stream.startAsync();
        return watch;
    }

    synchronized void measuring(boolean on) {
        if (on) {
            openSince = Instant.now();
        } else if (openSince != null) {
            measured.add(new Window(openSince, Instant.now()));
            openSince = null;
        }
    }

    private void seen(RecordedEvent event) {
        if (!inMeasuredWindow(event.getStartTime())) {
            return;
        }
        events.incrementAndGet();
        where.merge(describe(event), 1L, Long::sum);
    }

    private synchronized boolean inMeasuredWindow(Instant at) {
        if (openSince != null && !at.isBefore(openSince)) {
            return true;
        }
        return measured.stream().anyMatch(w -> !at.isBefore(w.start()) && at.isBefore(w.end()));
    }

    long events() {
        return events.get();
    }

    /** The three most frequent places, most frequent first. */
    Map<String, Long> topPlaces() {
        Map<String, Long> top = new LinkedHashMap<>();
        where.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** "org.example.Pool.lease: NATIVE (Object.wait)": the first frame outside the JDK, and JFR's reason. */
    static String describe(RecordedEvent event) {
        String frame = "(no stack trace)";
        if (event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty()) {
            var frames = event.getStackTrace().getFrames();
            var first = frames.get(0).getMethod();
            frame = first.getType().getName() + "." + first.getName();
            for (var f : frames) {
                String type = f.getMethod().getType().getName();
                if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                    frame = type + "." + f.getMethod().getName();
                    break;
                }
            }
        }
        String reason = event.hasField("pinnedReason") ? event.getString("pinnedReason") : null;
        String operation = event.hasField("blockingOperation") ? event.getString("blockingOperation") : null;
        return frame + (reason == null ? "" : ": " + reason) + (operation == null ? "" : " (" + operation + ")");
    }

    @Override
    public void close() {
        if (stream == null) {
            return;
        }
        try {
            stream.stop(); // delivers what is still buffered
        } catch (IllegalStateException alreadyClosed) {
            // nothing left to deliver
        }
        stream.close();
    }
}

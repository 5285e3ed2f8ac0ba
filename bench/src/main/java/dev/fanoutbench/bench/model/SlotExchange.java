package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.Answer;
import dev.fanoutbench.spi.BodyTooLargeException;
import dev.fanoutbench.spi.Exchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A slot's request as a user's library sees it: the shape's method, headers and body, stamped now. */
final class SlotExchange implements Exchange {

    private final BatchRun.Slot slot;
    private final RequestShape shape;
    private final Map<String, String> headers;
    private final Runnable afterAbort;

    /** @param afterAbort runs after the library's abort, e.g. to end a future the library may never complete */
    SlotExchange(BatchRun.Slot slot, RequestShape shape, Runnable afterAbort) {
        this.slot = slot;
        this.shape = shape;
        this.afterAbort = afterAbort;
        slot.onAbort(afterAbort); // until the library names its own abort, or if it never does
        Map<String, String> all = new LinkedHashMap<>(shape.headers());
        if (shape.sendsBody() && !shape.namesContentType()) {
            all.put("Content-Type", RequestShape.OCTET_STREAM);
        }
        // the library has no hook between taking a connection and writing: as late as the harness can
        all.put(HttpPolicy.SEND_NANOS_HEADER, HttpPolicy.sendNanosNow());
        this.headers = Collections.unmodifiableMap(all);
    }

    @Override
    public String method() {
        return shape.method();
    }

    @Override
    public URI uri() {
        return slot.uri();
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public boolean sendsBody() {
        return shape.sendsBody();
    }

    @Override
    public byte[] body() {
        return shape.body();
    }

    @Override
    public int maxBodyBytes() {
        return HttpPolicy.MAX_BODY_BYTES;
    }

    @Override
    public void onAbort(Runnable abort) {
        slot.onAbort(() -> {
            try {
                abort.run();
            } finally {
                afterAbort.run();
            }
        });
    }

    /** The library's answer as the batch takes it; a body past the cap is the library breaking its contract. */
    static Reply reply(Answer answer) throws BodyTooLargeException {
        byte[] body = answer.body() == null ? new byte[0] : answer.body();
        if (body.length > HttpPolicy.MAX_BODY_BYTES) {
            throw new BodyTooLargeException(HttpPolicy.MAX_BODY_BYTES);
        }
        return new Reply(answer.status(), new String(body, StandardCharsets.UTF_8));
    }
}

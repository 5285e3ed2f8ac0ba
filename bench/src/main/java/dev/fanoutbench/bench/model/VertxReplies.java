package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.BodyTooLargeException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/** An answer read through Vert.x's core client, whichever thread waits for it. */
final class VertxReplies {

    private VertxReplies() {}

    /** The body as text, read up to the cap; past it the request is reset (its connection closed) and fails. */
    static Future<Reply> read(HttpClientRequest request, HttpClientResponse response) {
        Promise<Reply> read = Promise.promise();
        Buffer body = Buffer.buffer();
        response.exceptionHandler(read::tryFail);
        response.handler(chunk -> {
            if (body.length() + chunk.length() > HttpPolicy.MAX_BODY_BYTES) {
                if (read.tryFail(new BodyTooLargeException(HttpPolicy.MAX_BODY_BYTES))) {
                    request.reset();
                }
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.endHandler(end -> read.tryComplete(new Reply(response.statusCode(), body.toString())));
        return read.future();
    }
}

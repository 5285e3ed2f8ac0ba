package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.HttpLibrary;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/** A user's library ({@link HttpLibrary#callAsync}) as the async model. */
final class UserAsyncCall implements AsyncCall {

    private final HttpLibrary library;

    UserAsyncCall(HttpLibrary library) {
        this.library = library;
    }

    @Override
    public CompletableFuture<Reply> send(BatchRun.Slot slot, RequestShape shape) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            SlotExchange exchange = new SlotExchange(
                    slot, shape, () -> reply.completeExceptionally(new CancellationException("aborted")));
            library.callAsync(exchange).whenComplete((answer, error) -> {
                if (error != null) {
                    reply.completeExceptionally(error);
                    return;
                }
                try {
                    reply.complete(SlotExchange.reply(answer));
                } catch (Exception e) {
                    reply.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            reply.completeExceptionally(e); // the library threw instead of failing its stage
        }
        return reply;
    }

    @Override
    public void close() {
        library.close();
    }
}

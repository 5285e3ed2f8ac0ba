package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.HttpLibrary;
import java.util.concurrent.ExecutorService;

/** A user's library ({@link HttpLibrary#call}) on a thread-based model. */
final class UserBlockingCall implements BlockingCall {

    private final HttpLibrary library;

    UserBlockingCall(HttpLibrary library) {
        this.library = library;
    }

    @Override
    public void execute(BatchRun.Slot slot, RequestShape shape, ResponseWork work, ExecutorService workers) {
        try {
            Reply reply = SlotExchange.reply(library.call(new SlotExchange(slot, shape, () -> {})));
            BlockingCall.doWork(work, workers);
            slot.answered(reply.status(), reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slot.cancel(); // the model is closing: the library's abort closes the connection
        } catch (Exception e) {
            slot.failed(e); // whatever the library threw is this request's outcome
        }
    }

    @Override
    public void close() {
        library.close();
    }
}

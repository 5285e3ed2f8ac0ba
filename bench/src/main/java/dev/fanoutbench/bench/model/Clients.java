package dev.fanoutbench.bench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Clients by name: a model and the library it runs on, written {@code model[+library]}
 * ({@code "virtual-threads"}, {@code "virtual-threads+jdk"}), the library left out when it is the
 * model's default, so the four default trials keep the names they always had. The one place that
 * reads and writes these names.
 */
public final class Clients {

    private static final String JOIN = "+";

    private Clients() {}

    /** @throws IllegalArgumentException naming what is unknown, or a library the model does not run on */
    public static ClientModel create(String name, int poolSize) {
        ModelKind kind = kindOf(name);
        Library library = libraryOf(name);
        return switch (kind) {
            case SEQUENTIAL -> new SequentialClient(library);
            case THREAD_POOL -> new ThreadPoolClient(poolSize, library);
            case VIRTUAL_THREADS -> new VirtualThreadClient(library);
            case VERTX -> new VertxEventLoopClient();
        };
    }

    /** The model of a client's name. @throws IllegalArgumentException as {@link #create} */
    public static ModelKind kindOf(String name) {
        int join = name.indexOf(JOIN);
        ModelKind kind = ModelKind.named(join < 0 ? name : name.substring(0, join));
        libraryOf(name); // a bad library is refused wherever the name is read
        return kind;
    }

    /** Every client this build has: each thread-based model on each library, and the event loop. */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            if (kind == ModelKind.VERTX) {
                names.add(kind.id());
                continue;
            }
            for (Library library : Library.values()) {
                names.add(name(kind, library));
            }
        }
        return names;
    }

    static String name(ModelKind kind, Library library) {
        return library == Library.APACHE ? kind.id() : kind.id() + JOIN + library.id();
    }

    private static Library libraryOf(String name) {
        int join = name.indexOf(JOIN);
        if (join < 0) {
            return Library.APACHE;
        }
        ModelKind kind = ModelKind.named(name.substring(0, join));
        if (kind == ModelKind.VERTX) {
            throw new IllegalArgumentException("'" + name + "': vertx runs on its own event-loop client; a library"
                    + " applies to sequential, thread-pool and virtual-threads (" + String.join(", ", Library.ids())
                    + ")");
        }
        return Library.named(name.substring(join + 1));
    }
}

package dev.fanoutbench.bench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Clients by name: a model and the library it runs on, written {@code model[+library]}
 * ({@code "virtual-threads"}, {@code "virtual-threads+jdk"}, {@code "async+reactor"}). The library is
 * left out when it is the model's own (Apache classic for the thread models, Vert.x's client for
 * {@code vertx}), so the four default trials keep the names they always had; the async model always
 * names its library. A library is a built-in one ({@link Library}) or a user's on the classpath
 * ({@link UserLibraries}). The one place that reads and writes these names.
 */
public final class Clients {

    private static final String JOIN = "+";

    private Clients() {}

    /** @throws IllegalArgumentException naming what is unknown, or a library the model does not run on */
    public static ClientModel create(String name, int poolSize) {
        ModelKind kind = kindOf(name);
        String library = libraryOf(name, kind);
        return switch (kind) {
            case VERTX -> new VertxEventLoopClient();
            case ASYNC -> new AsyncClient(library, asyncCall(library));
            case SEQUENTIAL -> new SequentialClient(library, blockingCall(library));
            case THREAD_POOL -> new ThreadPoolClient(poolSize, library, blockingCall(library));
            case VIRTUAL_THREADS -> new VirtualThreadClient(library, blockingCall(library));
        };
    }

    /** The model of a client's name. @throws IllegalArgumentException as {@link #create} */
    public static ModelKind kindOf(String name) {
        int join = name.indexOf(JOIN);
        ModelKind kind = ModelKind.named(join < 0 ? name : name.substring(0, join));
        libraryOf(name, kind); // a bad library is refused wherever the name is read
        return kind;
    }

    /** True when the client's library is one of this build's, which all honour {@link HttpPolicy#SOURCE_ADDRESS}. */
    public static boolean builtIn(String name) {
        return Library.ids().contains(libraryOf(name, kindOf(name)));
    }

    /**
     * Every client this build and classpath have: each thread-based model on each library, the
     * event loop, and the async model on each library with a non-blocking API.
     */
    public static List<String> all() {
        List<String> names = new ArrayList<>();
        Map<String, UserLibraries.Found> users = UserLibraries.all();
        for (ModelKind kind : ModelKind.values()) {
            switch (kind) {
                case VERTX -> names.add(kind.id());
                case ASYNC -> {
                    for (Library library : Library.values()) {
                        if (library.hasAsync()) {
                            names.add(name(kind, library.id()));
                        }
                    }
                    users.values().stream()
                            .filter(UserLibraries.Found::async)
                            .forEach(user -> names.add(name(kind, user.name())));
                }
                default -> {
                    for (Library library : Library.values()) {
                        names.add(name(kind, library.id()));
                    }
                    users.keySet().forEach(user -> names.add(name(kind, user)));
                }
            }
        }
        return names;
    }

    /** The client a model runs when no library is named: the name its default trials have. */
    static String defaultClient(ModelKind kind) {
        return kind == ModelKind.ASYNC ? name(kind, Library.JDK.id()) : kind.id();
    }

    static String name(ModelKind kind, String library) {
        boolean ownLibrary =
                kind == ModelKind.VERTX || (kind != ModelKind.ASYNC && library.equals(Library.APACHE.id()));
        return ownLibrary ? kind.id() : kind.id() + JOIN + library;
    }

    /** The library a name asks for: the model's own when none is named. */
    private static String libraryOf(String name, ModelKind kind) {
        int join = name.indexOf(JOIN);
        String library = join < 0 ? null : name.substring(join + 1).toLowerCase(java.util.Locale.ROOT);
        switch (kind) {
            case VERTX -> {
                if (library != null) {
                    throw new IllegalArgumentException("'" + name + "': vertx runs on its own event-loop client; a"
                            + " library applies to " + threadModels() + " and async");
                }
                return Library.VERTX.id();
            }
            case ASYNC -> {
                if (library == null || !asyncLibraries().contains(library)) {
                    throw new IllegalArgumentException("'" + name + "': the async model runs on "
                            + String.join(
                                    ", ",
                                    asyncLibraries().stream()
                                            .map(l -> "async+" + l)
                                            .toList()));
                }
                return library;
            }
            default -> {
                if (library == null) {
                    return Library.APACHE.id();
                }
                if (!blockingLibraries().contains(library)) {
                    throw new IllegalArgumentException("unknown library '" + library + "' in '" + name + "'; known: "
                            + String.join(", ", blockingLibraries()));
                }
                return library;
            }
        }
    }

    private static String threadModels() {
        return String.join(", ", ModelKind.SEQUENTIAL.id(), ModelKind.THREAD_POOL.id(), ModelKind.VIRTUAL_THREADS.id());
    }

    private static List<String> blockingLibraries() {
        List<String> ids = new ArrayList<>(Library.ids());
        ids.addAll(UserLibraries.all().keySet());
        return ids;
    }

    private static List<String> asyncLibraries() {
        List<String> ids = new ArrayList<>();
        for (Library library : Library.values()) {
            if (library.hasAsync()) {
                ids.add(library.id());
            }
        }
        UserLibraries.all().values().stream().filter(UserLibraries.Found::async).forEach(user -> ids.add(user.name()));
        return ids;
    }

    private static BlockingCall blockingCall(String library) {
        UserLibraries.Found user = UserLibraries.all().get(library);
        return user != null
                ? new UserBlockingCall(user.create())
                : Library.named(library).open();
    }

    private static AsyncCall asyncCall(String library) {
        UserLibraries.Found user = UserLibraries.all().get(library);
        return user != null
                ? new UserAsyncCall(user.create())
                : Library.named(library).openAsync();
    }
}

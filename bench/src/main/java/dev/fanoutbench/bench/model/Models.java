package dev.fanoutbench.bench.model;

import java.util.List;

/** The four models by name, for the command line and parameterized tests. */
public final class Models {

    public static final List<String> NAMES = List.of("sequential", "thread-pool", "virtual-threads", "vertx");
    public static final List<String> CONCURRENT = List.of("thread-pool", "virtual-threads", "vertx");

    private Models() {}

    /** As {@link #create(String)}, with the thread pool fixed at {@code poolSize} threads (0: sized to each batch). */
    public static ClientModel create(String name, int poolSize) {
        return name.equals("thread-pool") ? new ThreadPoolClient(poolSize) : create(name);
    }

    /** @throws IllegalArgumentException naming the known models */
    public static ClientModel create(String name) {
        return switch (name) {
            case "sequential" -> new SequentialClient();
            case "thread-pool" -> new ThreadPoolClient();
            case "virtual-threads" -> new VirtualThreadClient();
            case "vertx" -> new VertxEventLoopClient();
            default -> throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", NAMES));
        };
    }
}

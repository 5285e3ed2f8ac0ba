package dev.fanoutbench.bench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP client library a thread-based model blocks on: the second axis beside the model, so
 * that a model's cost can be told from its library's. Apache classic is the default; the JDK's
 * own client is the one every Java program has; Vert.x's core client is the event-loop model's,
 * so one library can be run both ways.
 */
public enum Library {
    APACHE("apache"),
    JDK("jdk"),
    VERTX("vertx");

    private final String id;

    Library(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known libraries */
    public static Library named(String id) {
        return Arrays.stream(values())
                .filter(l -> l.id.equals(id.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown library '" + id + "'; known: " + String.join(", ", ids())));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Library::id).toList();
    }

    BlockingCall open() {
        return switch (this) {
            case APACHE -> new ApacheClassicCall();
            case JDK -> new JdkHttpCall();
            case VERTX -> new VertxBlockingCall();
        };
    }
}

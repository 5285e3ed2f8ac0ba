package dev.fanoutbench.bench.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The built-in HTTP client libraries: the second axis beside the model, so that a model's cost can
 * be told from its library's. Apache classic is the thread models' default; the JDK's own client is
 * the one every Java program has; Vert.x's core client is the event-loop model's, so one library can
 * be run both ways; Reactor Netty is the engine under Spring's WebClient. The JDK's and Reactor's
 * non-blocking APIs also run as the async model. A user's own library joins through
 * {@link UserLibraries}.
 */
public enum Library {
    APACHE("apache"),
    JDK("jdk"),
    VERTX("vertx"),
    REACTOR("reactor");

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

    /** The library's blocking call, for the thread-based models. */
    BlockingCall open() {
        return switch (this) {
            case APACHE -> new ApacheClassicCall();
            case JDK -> new AwaitedCall(new JdkHttpCall());
            case VERTX -> new VertxBlockingCall();
            case REACTOR -> new AwaitedCall(new ReactorNettyCall());
        };
    }

    /** True when the async model runs on this library (Vert.x's non-blocking API is its own model, vertx). */
    boolean hasAsync() {
        return this == JDK || this == REACTOR;
    }

    AsyncCall openAsync() {
        return switch (this) {
            case JDK -> new JdkHttpCall();
            case REACTOR -> new ReactorNettyCall();
            case APACHE, VERTX -> throw new IllegalArgumentException(id + " does not run as the async model");
        };
    }
}

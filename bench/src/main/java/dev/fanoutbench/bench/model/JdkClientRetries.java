package dev.fanoutbench.bench.model;

/**
 * The JDK's {@code HttpClient} retries a request whose connection failed (up to five attempts,
 * {@code jdk.httpclient.redirects.retrylimit}), and no other library here retries: a server then
 * counts one request twice. The limit is a JVM-wide property its {@code MultiExchange} reads once,
 * at the first exchange of any JDK client in the JVM, so every class of this project that uses the
 * JDK's client turns retries off in its static initializer, before it can send anything. A value
 * the user set on the command line is kept.
 */
public final class JdkClientRetries {

    static final String PROPERTY = "jdk.httpclient.redirects.retrylimit";

    private JdkClientRetries() {}

    /** One attempt per request, unless the JVM was started with another limit. */
    public static void off() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "1");
        }
    }
}

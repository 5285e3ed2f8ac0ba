package dev.fanoutbench.bench;

import java.util.List;

/**
 * Flags for the JVMs this project starts on the same JDK as itself (the mock server, the JMH forks).
 * On JDK 23 and newer, the libraries' use of {@code sun.misc.Unsafe} (JMH's, Guava's under WireMock)
 * prints four warnings at every start; the access is allowed explicitly, where it is made, instead
 * of filtering the console.
 */
public final class JvmFlags {

    private JvmFlags() {}

    public static List<String> forThisJdk() {
        return Runtime.version().feature() >= 23 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
    }
}

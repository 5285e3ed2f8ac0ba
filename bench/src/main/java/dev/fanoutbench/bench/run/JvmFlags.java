package dev.fanoutbench.bench.run;

import java.util.List;

/**
 * Flags for the JMH forks this project starts on the same JDK as itself. JMH 1.37 calls
 * {@code sun.misc.Unsafe::objectFieldOffset} (in {@code org.openjdk.jmh.util.Utils}), which prints
 * four warnings at every start on JDK 24 and newer; the access is allowed explicitly (the flag
 * exists from 23), where it is made, instead of filtering the console. Guava, under WireMock, no
 * longer needs it (see the parent pom), so the mock server starts without it. Reactor Netty looks
 * for QUIC's native code at its first request, which JDK 24+ warns about unless native access is
 * enabled (a flag JDK 21 knows too).
 */
public final class JvmFlags {

    private JvmFlags() {}

    public static List<String> forThisJdk() {
        return Runtime.version().feature() >= 23
                ? List.of("--sun-misc-unsafe-memory-access=allow", NATIVE_ACCESS)
                : List.of(NATIVE_ACCESS);
    }

    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
}

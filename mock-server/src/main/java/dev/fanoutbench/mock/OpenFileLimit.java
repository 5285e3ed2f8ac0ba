package dev.fanoutbench.mock;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/** Each connection costs the server one file descriptor: 10,000 in flight need a limit above that. */
final class OpenFileLimit {

    static final long CONNECTIONS_PLANNED_FOR = 10_000;
    private static final long HEADROOM = 1_000;

    private OpenFileLimit() {}

    /** A one-line warning if this process cannot hold the planned connections, else empty. */
    static Optional<String> warning() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix)) {
            return Optional.empty();
        }
        long max = unix.getMaxFileDescriptorCount();
        if (max >= CONNECTIONS_PLANNED_FOR + HEADROOM) {
            return Optional.empty();
        }
        return Optional.of("mock-server: warning: the open-file limit is " + max + "; "
                + CONNECTIONS_PLANNED_FOR + " connections need about " + (CONNECTIONS_PLANNED_FOR + HEADROOM)
                + " (raise it with: ulimit -n 20000)");
    }
}

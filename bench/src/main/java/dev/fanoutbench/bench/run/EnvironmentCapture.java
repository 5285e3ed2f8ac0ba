package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.RunSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a run's numbers depend on, read off the machine the harness runs on ({@code environment.json}). */
public final class EnvironmentCapture {

    private EnvironmentCapture() {}

    public static Environment capture(Path projectDir, Map<String, Object> settings, Map<String, Object> mockServer) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long maxOpenFiles =
                os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
        Git git = new Git(projectDir);
        return new Environment(
                RunSummary.SCHEMA_VERSION,
                new Environment.Jdk(
                        System.getProperty("java.version"),
                        System.getProperty("java.vendor"),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                        System.getProperty("java.home")),
                new Environment.Machine(
                        Runtime.getRuntime().availableProcessors(),
                        os.getTotalMemorySize(),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("os.arch"),
                        maxOpenFiles,
                        cpuModel(),
                        cgroupLimits()),
                new Environment.Git(git.commit(), git.dirty()),
                settings,
                mockServer);
    }

    /** "Intel(R) Xeon(R) Processor", from /proc/cpuinfo; "unknown" elsewhere. */
    static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The cgroup's CPU and memory limits, cgroup v2 or v1, as the kernel states them ("max" or a
     * quota); a container can hold a run to less than the machine has, and the numbers with it.
     */
    static Map<String, String> cgroupLimits() {
        Map<String, String> limits = new LinkedHashMap<>();
        read(Path.of("/sys/fs/cgroup/cpu.max")).ifPresent(v -> limits.put("cpu.max", v));
        read(Path.of("/sys/fs/cgroup/memory.max")).ifPresent(v -> limits.put("memory.max", v));
        read(Path.of("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")).ifPresent(v -> limits.put("cpu.cfs_quota_us", v));
        read(Path.of("/sys/fs/cgroup/cpu/cpu.cfs_period_us")).ifPresent(v -> limits.put("cpu.cfs_period_us", v));
        read(Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
                .ifPresent(v -> limits.put("memory.limit_in_bytes", v));
        return limits;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The short commit of the working tree, or "nogit" outside a checkout. */
    public static String shortSha(Path projectDir) {
        return new Git(projectDir).shortCommit();
    }
}

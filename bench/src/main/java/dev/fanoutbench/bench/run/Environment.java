package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.RunSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run's numbers depend on, recorded beside them ({@code environment.json}). */
public final class Environment {

    private Environment() {}

    public static Map<String, Object> capture(Path projectDir, Map<String, Object> settings, Map<String, Object> mockServer) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("schemaVersion", RunSummary.SCHEMA_VERSION);
        env.put("jdk", Map.of(
                "version", System.getProperty("java.version"),
                "vendor", System.getProperty("java.vendor"),
                "vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                "home", System.getProperty("java.home")));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        env.put("machine", Map.of(
                "cores", Runtime.getRuntime().availableProcessors(),
                "memoryBytes", os.getTotalMemorySize(),
                "os", System.getProperty("os.name"),
                "kernel", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch"),
                "maxOpenFiles", os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1,
                "cpuModel", cpuModel(),
                "cgroupLimits", cgroupLimits()));
        Git git = new Git(projectDir);
        env.put("git", Map.of("commit", git.commit(), "dirty", git.dirty()));
        env.put("settings", settings);
        env.put("mockServer", mockServer);
        return env;
    }

    /** "Intel(R) Xeon(R) Processor", from /proc/cpuinfo; "unknown" elsewhere. */
    static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst()
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
        read(Path.of("/sys/fs/cgroup/memory/memory.limit_in_bytes")).ifPresent(v -> limits.put("memory.limit_in_bytes", v));
        return limits;
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file).trim());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The short commit of the working tree, or "nogit" outside a checkout. */
    public static String shortSha(Path projectDir) {
        return new Git(projectDir).shortCommit();
    }
}

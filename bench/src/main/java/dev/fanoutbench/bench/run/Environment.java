package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.RunSummary;
import java.lang.management.ManagementFactory;
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
                "maxOpenFiles", os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1));
        Git git = new Git(projectDir);
        env.put("git", Map.of("commit", git.commit(), "dirty", git.dirty()));
        env.put("settings", settings);
        env.put("mockServer", mockServer);
        return env;
    }

    /** The short commit of the working tree, or "nogit" outside a checkout. */
    public static String shortSha(Path projectDir) {
        return new Git(projectDir).shortCommit();
    }
}

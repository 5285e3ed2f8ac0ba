package dev.fanoutbench.bench.run;

import dev.fanoutbench.results.RunSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        env.put("git", Map.of("commit", git(projectDir, "rev-parse", "HEAD"), "dirty", !git(projectDir, "status", "--porcelain").isEmpty()));
        env.put("settings", settings);
        env.put("mockServer", mockServer);
        return env;
    }

    /** The short commit of the working tree, or "nogit" outside a checkout. */
    public static String shortSha(Path projectDir) {
        String sha = git(projectDir, "rev-parse", "--short", "HEAD");
        return sha.isEmpty() ? "nogit" : sha;
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}

package dev.fanoutbench.results;

import java.util.Map;

/**
 * The schema of a run's {@code environment.json}, what its numbers depend on: these records are
 * the schema ({@link Environments#read} fails on unknown or missing fields). It shares the
 * summary's {@link RunSummary#SCHEMA_VERSION}, since a run writes both at once.
 *
 * @param settings   what the run was given (preset, JMH options or workload, interval, CPUs), as given
 * @param mockServer how the stub was started, or the external target, and the stub's own settings
 */
public record Environment(
        int schemaVersion,
        Jdk jdk,
        Machine machine,
        Git git,
        Map<String, Object> settings,
        Map<String, Object> mockServer) {

    /** The JDK that ran the harness; {@code vm} is the VM's name and version. */
    public record Jdk(String version, String vendor, String vm, String home) {}

    /**
     * @param maxOpenFiles the process's limit, -1 where the OS does not say
     * @param cpuModel     "unknown" where the OS does not say
     * @param cgroupLimits the cgroup's CPU and memory limits as the kernel states them, by file name:
     *                     a container can hold a run to less than the machine has
     */
    public record Machine(
            int cores,
            long memoryBytes,
            String os,
            String kernel,
            String arch,
            long maxOpenFiles,
            String cpuModel,
            Map<String, String> cgroupLimits) {}

    /** @param commit the full commit, "" outside a checkout */
    public record Git(String commit, boolean dirty) {}
}

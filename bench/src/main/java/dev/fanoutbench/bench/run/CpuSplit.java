package dev.fanoutbench.bench.run;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The stub and the client on separate CPUs ({@code -Dbench.cpus=0:1}): on a small machine both
 * otherwise compete for the same cores, and a burst measures the stub's share as much as the
 * client's. The stub is started under {@code taskset}; this JVM pins itself, and the JMH forks it
 * starts inherit its CPUs.
 *
 * @param stub   the stub's CPU list, as taskset writes it ("0", "0-1", "0,2")
 * @param client the harness's and the forks' CPU list
 */
public record CpuSplit(String stub, String client) {

    private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    /** @throws IllegalArgumentException naming what is wrong with the text, or null for "" (no pinning) */
    public static CpuSplit parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 2
                || !LIST.matcher(parts[0]).matches()
                || !LIST.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException(
                    "bench.cpus '" + text + "' is not STUB:CLIENT CPU lists, e.g. 0:1 or 0:1-3");
        }
        BitSet stub = cpus(parts[0]);
        BitSet client = cpus(parts[1]);
        int available = Runtime.getRuntime().availableProcessors();
        if (stub.length() > available || client.length() > available) {
            throw new IllegalArgumentException("bench.cpus '" + text
                    + "' names a CPU this machine does not give us (CPUs 0 to " + (available - 1) + ")");
        }
        if (stub.intersects(client)) {
            throw new IllegalArgumentException(
                    "bench.cpus '" + text + "': the stub and the client share a CPU; separate them");
        }
        return new CpuSplit(parts[0], parts[1]);
    }

    /** {@code taskset -c LIST}: what the stub's command starts with. */
    public List<String> stubPrefix() {
        return List.of("taskset", "-c", stub);
    }

    /** Pins every thread of this JVM to the client's CPUs; processes started afterwards inherit them. */
    public void pinThisProcess() throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder(
                        "taskset",
                        "-a",
                        "-p",
                        "-c",
                        client,
                        Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true)
                .start();
        String said = new String(taskset.getInputStream().readAllBytes()).trim();
        if (taskset.waitFor() != 0) {
            throw new IllegalArgumentException(
                    "bench.cpus: taskset could not pin the harness to CPUs " + client + ": " + said);
        }
    }

    /** @throws IllegalArgumentException if taskset is missing */
    public static void requireTaskset() {
        try {
            Process probe = new ProcessBuilder("taskset", "-V")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            probe.waitFor();
        } catch (IOException | InterruptedException e) {
            throw new IllegalArgumentException("bench.cpus needs taskset (util-linux), which is not installed");
        }
    }

    private static BitSet cpus(String list) {
        BitSet set = new BitSet();
        for (String range : list.split(",")) {
            String[] ends = range.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (to < from) {
                throw new IllegalArgumentException("bench.cpus: the range " + range + " runs backwards");
            }
            set.set(from, to + 1);
        }
        return set;
    }
}

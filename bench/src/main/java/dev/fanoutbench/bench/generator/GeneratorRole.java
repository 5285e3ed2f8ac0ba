package dev.fanoutbench.bench.generator;

import dev.fanoutbench.bench.workload.Schedule;

/**
 * Which of a trial's load generators this process is, and where they meet: generator {@code index} of {@code count}
 * sends its slice of every window ({@link Schedule.Slice}), and all of them start each window together at the
 * barrier generator 0 serves on {@code barrier} (host:port).
 */
public record GeneratorRole(int index, int count, String barrier) {

    /** One generator sending the whole schedule: no barrier, no slices. */
    public static final GeneratorRole ALONE = new GeneratorRole(0, 1, "");

    public GeneratorRole {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a generator is i/N with 0 <= i < N, got " + index + "/" + count);
        }
        if (count > 1 && (barrier == null || !barrier.matches("[^:/\\s]+:\\d{1,5}"))) {
            throw new IllegalArgumentException(
                    "several generators meet at a barrier: give it as HOST:PORT (generator 0 serves it), got '"
                            + barrier + "'");
        }
        barrier = barrier == null ? "" : barrier;
        if (count > 1) {
            int port = Integer.parseInt(barrier.substring(barrier.lastIndexOf(':') + 1));
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("the barrier's port must be from 1 to 65535, got " + port);
            }
        }
    }

    /** {@code I/N}, as typed after {@code --generator}, with the barrier's address. */
    public static GeneratorRole parse(String slash, String barrier) {
        String[] parts = slash.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,4}")) {
            throw new IllegalArgumentException(
                    "--generator takes I/N (generator I of N, I from 0), got '" + slash + "'");
        }
        return new GeneratorRole(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), barrier);
    }

    public boolean alone() {
        return count == 1;
    }

    public boolean leader() {
        return index == 0;
    }

    public Schedule.Slice slice() {
        return new Schedule.Slice(index, count);
    }

    /** This generator's share of {@code whole} users or requests: the first {@code whole % count} take one more. */
    public int share(int whole) {
        return (int) share((long) whole);
    }

    public long share(long whole) {
        return whole / count + (index < whole % count ? 1 : 0);
    }

    public String host() {
        return barrier.substring(0, barrier.lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(barrier.substring(barrier.lastIndexOf(':') + 1));
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

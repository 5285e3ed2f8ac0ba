package dev.fanoutbench.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One benchmark run at a time: two runs at once would share the cores and measure each other, and
 * in one checkout they would write into one runs folder. Taken before anything is started or
 * written, and refused at once with a line that says who holds it.
 */
public final class RunLock implements AutoCloseable {

    static final String FILE = ".lock";
    /** JMH's own machine-wide lock, in java.io.tmpdir: taken here too, so a refusal comes in our words. */
    static final String JMH_FILE = "jmh.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalArgumentException naming the run that holds the lock */
    public static RunLock acquire(Path runsDir) {
        try {
            Files.createDirectories(runsDir);
            FileChannel channel = FileChannel.open(
                    runsDir.resolve(FILE),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = new String(Files.readAllBytes(runsDir.resolve(FILE)), StandardCharsets.UTF_8).trim();
                channel.close();
                throw new IllegalArgumentException("another benchmark run is in progress in this checkout (" + holder
                        + "): wait for it to finish; two runs at once would measure each other");
            }
            checkJmhIsIdle();
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started " + Instant.now())
                            .getBytes(StandardCharsets.UTF_8)),
                    0);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + runsDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private static void checkJmhIsIdle() throws IOException {
        Path jmh = Path.of(System.getProperty("java.io.tmpdir"), JMH_FILE);
        try (FileChannel channel = FileChannel.open(jmh, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(channel);
            if (probe == null) {
                throw new IllegalArgumentException("another JMH run holds " + jmh + " on this machine: wait for it to"
                        + " finish; two runs at once would measure each other");
            }
            probe.release();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel; nothing left to report
        }
    }
}

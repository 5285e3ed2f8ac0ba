package dev.fanoutbench.bench.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * A run's folder, {@code reports/runs/<timestamp>-<git sha>/}, written atomically: everything goes
 * into {@code .incomplete-<id>/} first, and only a finished run is renamed into place (one rename,
 * so a crash never leaves a folder that looks complete) and pointed to by {@code latest}.
 */
public final class RunFolder {

    static final String INCOMPLETE_PREFIX = ".incomplete-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path runsDir;
    private final String id;
    private final Path working;

    private RunFolder(Path runsDir, String id) {
        this.runsDir = runsDir;
        this.id = id;
        this.working = runsDir.resolve(INCOMPLETE_PREFIX + id);
    }

    /** A new folder of its own: a run started in the same second as another gets the next free suffix. */
    public static RunFolder create(Path runsDir, String gitShortSha) throws IOException {
        Files.createDirectories(runsDir);
        String base = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + gitShortSha;
        for (int n = 1; ; n++) {
            RunFolder folder = new RunFolder(runsDir, n == 1 ? base : base + "-" + n);
            if (Files.exists(runsDir.resolve(folder.id))) {
                continue;
            }
            try {
                Files.createDirectory(folder.working);
                return folder;
            } catch (FileAlreadyExistsException taken) {
                // another run took this id a moment ago
            }
        }
    }

    public String id() {
        return id;
    }

    /** Where the run writes while it is not finished. */
    public Path working() {
        return working;
    }

    /**
     * Makes everything written durable, renames the folder into place and points {@code latest} at
     * it; returns the final path. Synced first, so a crash right after the rename cannot leave a
     * complete-looking folder with empty files.
     */
    public Path complete() throws IOException {
        sync(working);
        Path done = runsDir.resolve(id);
        Files.move(working, done, StandardCopyOption.ATOMIC_MOVE);
        Path latest = runsDir.resolve("latest");
        Path fresh = runsDir.resolve(".latest-" + id);
        Files.deleteIfExists(fresh);
        Files.createSymbolicLink(fresh, Path.of(id));
        try {
            Files.move(fresh, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(fresh, latest, StandardCopyOption.REPLACE_EXISTING);
        }
        force(runsDir);
        return done;
    }

    private static void sync(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                force(path);
            }
        }
    }

    private static void force(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        // a directory opened for reading can be forced on Linux: that makes its entries durable
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}

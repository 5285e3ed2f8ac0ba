package dev.fanoutbench.bench.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

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

    public static RunFolder create(Path runsDir, String gitShortSha) throws IOException {
        String id = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-" + gitShortSha;
        RunFolder folder = new RunFolder(runsDir, id);
        Files.createDirectories(folder.working);
        return folder;
    }

    public String id() {
        return id;
    }

    /** Where the run writes while it is not finished. */
    public Path working() {
        return working;
    }

    /** Renames the folder into place and points {@code latest} at it; returns the final path. */
    public Path complete() throws IOException {
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
        return done;
    }
}

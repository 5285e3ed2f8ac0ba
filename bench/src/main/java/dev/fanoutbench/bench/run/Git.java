package dev.fanoutbench.bench.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What a run records of its checkout: the commit and whether the tree was dirty. Only git's
 * standard output counts, and a commit must look like one: a warning on its standard error must
 * never end up in a run's id.
 */
final class Git {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

    private final Path dir;
    private final List<String> executable;

    Git(Path dir) {
        this(dir, List.of("git"));
    }

    /** @param executable how to run git, e.g. a wrapper in a test */
    Git(Path dir, List<String> executable) {
        this.dir = dir;
        this.executable = executable;
    }

    /** The full commit, or "" outside a checkout. */
    String commit() {
        String sha = run("rev-parse", "HEAD");
        return SHA.matcher(sha).matches() ? sha : "";
    }

    /** The short commit, or "nogit" outside a checkout. */
    String shortCommit() {
        String sha = run("rev-parse", "--short", "HEAD");
        return SHA.matcher(sha).matches() ? sha : "nogit";
    }

    boolean dirty() {
        return !run("status", "--porcelain").isEmpty();
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(executable);
        command.add("-C");
        command.add(dir.toString());
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
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

package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's id and environment carry a commit, never what git said on its standard error. */
class GitTest {

    /** A git that warns on standard error before every answer, as a misconfigured one might. */
    static final List<String> NOISY_GIT =
            List.of("sh", "-c", "echo 'warning: something noisy' >&2; exec git \"$@\"", "git");

    @TempDir
    Path dir;

    @Test
    void aWarningOnStandardErrorNeverBecomesPartOfTheCommit() throws Exception {
        run("git", "init", "-q", dir.toString());
        Files.writeString(dir.resolve("a"), "a");
        run("git", "-C", dir.toString(), "add", "a");
        run("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a");

        Git git = new Git(dir, NOISY_GIT);

        assertThat(git.shortCommit()).matches("[0-9a-f]{7,}");
        assertThat(git.commit()).matches("[0-9a-f]{40}");
        assertThat(git.dirty()).isFalse();
    }

    @Test
    void outsideACheckoutThereIsNoCommit() {
        assertThat(new Git(dir, NOISY_GIT).shortCommit()).isEqualTo("nogit");
        assertThat(new Git(dir, NOISY_GIT).commit()).isEmpty();
    }

    private static void run(String... command) throws Exception {
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }
}

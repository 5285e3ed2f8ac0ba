package dev.fanoutbench.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shaded jar as a user runs it: prints where it listens, serves, and stops on SIGTERM. */
class StandaloneJarIT {

    static final Path JAR = Path.of("target", "mock-server.jar");

    @Test
    void theJarStartsSaysWhereItListensAndStopsCleanlyOnSigterm() throws Exception {
        assertThat(JAR).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-jar", JAR.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            URI base = listeningOn(out);
            assertThat(base.getHost()).isEqualTo("127.0.0.1");

            assertThat(RawHttp.get(base, "/api/items/1?delayMs=0").status()).isEqualTo(200);
            assertThat(StatsOverHttp.settled(base, "items", 1).served()).isEqualTo(1);

            server.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(firstLineStartingWith(out, "mock-server stopped")).isNotNull();
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void theServerStopsByItselfWhenTheProcessThatStartedItIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start(); // stands in for a harness JVM that gets kill -9
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(
                        java, "-jar", JAR.toString(), "--port", "0", "--parent-pid", Long.toString(parent.pid()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            URI base = listeningOn(out);
            assertThat(RawHttp.get(base, "/api/items/1?delayMs=0").status()).isEqualTo(200);

            new ProcessBuilder("kill", "-9", Long.toString(parent.pid()))
                    .start()
                    .waitFor();

            assertThat(server.waitFor(20, TimeUnit.SECONDS))
                    .as("the server outlived the process that started it")
                    .isTrue();
            assertThat(firstLineStartingWith(out, "mock-server: the process that started it"))
                    .contains(Long.toString(parent.pid()));
        } finally {
            parent.destroyForcibly();
            server.destroyForcibly();
        }
    }

    @Test
    void helpListsTheOptions() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process help = new ProcessBuilder(java, "-jar", JAR.toString(), "--help")
                .redirectErrorStream(true)
                .start();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.waitFor()).isZero();
        assertThat(text).contains("--port", "--bind", "--limit", "--async-threads");
        assertThat(Files.size(JAR)).isPositive();
    }

    /** Reads the server's output up to the line that says where it listens. */
    static URI listeningOn(BufferedReader out) throws Exception {
        String listening = firstLineStartingWith(out, "mock-server listening on ");
        return URI.create(listening.substring("mock-server listening on ".length()) + "/");
    }

    private static String firstLineStartingWith(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the server never printed a line starting with '" + prefix + "'");
    }
}

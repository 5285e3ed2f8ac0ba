package dev.fanoutbench.bench;

import dev.fanoutbench.results.Cli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The mock server in a JVM of its own, so the client under test does not share its threads, heap
 * or file descriptors. Started with this JVM's own java (the build's toolchain JDK), on a free
 * loopback port; stopped with SIGTERM, and killed if it does not stop.
 */
public final class MockServerProcess implements AutoCloseable {

    private static final String READY = "mock-server listening on ";

    private final Process process;
    private final URI baseUri;
    private final Thread stopOnExit;

    private MockServerProcess(Process process, URI baseUri, Thread stopOnExit) {
        this.process = process;
        this.baseUri = baseUri;
        this.stopOnExit = stopOnExit;
    }

    /**
     * Starts the server and waits for it to listen. From the moment it exists it is stopped with
     * this JVM (a shutdown hook, for Ctrl-C during the wait too), and it stops itself when this
     * JVM dies without running hooks ({@code kill -9}, the OOM killer): it watches our pid.
     *
     * @throws IllegalArgumentException with the server's own line if it refused its arguments
     * @throws IllegalStateException with the server's own output if it does not come up in 30 s
     */
    public static MockServerProcess start(Path jar, String... serverArgs) throws IOException, InterruptedException {
        return start(jar, List.of(), serverArgs);
    }

    /** @param prefix what the command starts with ({@code taskset -c 0}), or nothing */
    public static MockServerProcess start(Path jar, List<String> prefix, String... serverArgs)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with 'mvn -B package -DskipTests'");
        }
        List<String> command = new ArrayList<>(prefix);
        command.add(javaExecutable());
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--port",
                "0",
                "--parent-pid",
                Long.toString(ProcessHandle.current().pid())));
        command.addAll(List.of(serverArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread stopOnExit = new Thread(() -> stop(process), "mock-server-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    seen.add(line);
                    if (line.startsWith(READY)) {
                        return URI.create(line.substring(READY.length()) + "/");
                    }
                }
            } catch (IOException ignored) {
                // the process died: reported below
            }
            return null;
        });
        URI base;
        try {
            base = ready.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            base = null;
        }
        if (base == null) {
            process.destroyForcibly();
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            String said = String.join(" / ", seen);
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == Cli.BAD_INPUT) {
                throw new IllegalArgumentException(said); // its own one line, e.g. a bad --mock-server-args
            }
            throw new IllegalStateException("the mock server did not start: " + said);
        }
        // keep draining its output so a chatty server never blocks on a full pipe
        Thread.ofPlatform().daemon().name("mock-server-output").start(() -> drain(out));
        return new MockServerProcess(process, base, stopOnExit);
    }

    public URI baseUri() {
        return baseUri;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will: it stops the server
        }
        stop(process);
    }

    private static void stop(Process process) {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void drain(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                // the server's own warnings (slf4j "WARN"/"ERROR", the open-file limit), not the JDK's deprecation
                // notes
                if (line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("mock-server: warning")) {
                    System.err.println("mock-server: " + line);
                }
            }
        } catch (IOException ignored) {
            // the server stopped
        }
    }
}

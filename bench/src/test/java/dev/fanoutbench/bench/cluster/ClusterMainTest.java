package dev.fanoutbench.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fanoutbench.results.Cli;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench.jar cluster}: a workload file in, its manifests out; one line and exit 2 for what it cannot use. */
class ClusterMainTest {

    static final Path SMOKE = Path.of("..", "workloads", "smoke.yaml");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.clearProperty("kubeconfig");
    }

    List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    int cluster(Path workload, String namespace, Path outDir, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("--namespace", namespace, "--image", "fanout-bench:dev", "--out", outDir.toString()));
        args.addAll(List.of(more));
        args.add(workload.toString());
        return ClusterMain.run(args.toArray(String[]::new));
    }

    @Test
    void aShippedWorkloadBecomesAJobWithOneTrialPerModel() throws Exception {
        Path outDir = dir.resolve("manifests");

        assertThat(cluster(SMOKE, "bench", outDir)).isEqualTo(Cli.OK);

        assertThat(errLines()).isEmpty();
        try (var files = Files.list(outDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly(
                            "01-configmap-smoke-workload.yaml",
                            "02-persistentvolumeclaim-smoke-results.yaml",
                            "03-deployment-smoke-stub-0-0.yaml",
                            "04-service-smoke-stub-0-0.yaml",
                            "05-deployment-smoke-stub-1-0.yaml",
                            "06-service-smoke-stub-1-0.yaml",
                            "07-deployment-smoke-stub-2-0.yaml",
                            "08-service-smoke-stub-2-0.yaml",
                            "09-service-smoke-trials.yaml",
                            "10-job-smoke-trials.yaml");
        }
        Job job = new KubernetesSerialization().unmarshal(Files.readString(outDir.resolve("10-job-smoke-trials.yaml")));
        // smoke.yaml names no models: the three a workload runs by default
        assertThat(job.getSpec().getCompletions()).isEqualTo(3);
        assertThat(job.getMetadata().getNamespace()).isEqualTo("bench");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("3 trials: thread-pool, virtual-threads, vertx")
                .contains("kubectl apply -f " + outDir);
    }

    @Test
    void aMissingWorkloadIsOneLineAndExit2() {
        assertThat(cluster(dir.resolve("nope.yaml"), "bench", dir.resolve("out")))
                .isEqualTo(Cli.BAD_INPUT);

        assertThat(errLines()).containsExactly("cluster: " + dir.resolve("nope.yaml") + ": no such file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aWorkloadWithNoModelsIsOneLineAndExit2() throws Exception {
        Path workload = Files.writeString(
                dir.resolve("empty.yaml"), Files.readString(SMOKE).replace("warmup: 1s", "warmup: 1s\nmodels: []"));

        assertThat(cluster(workload, "bench", dir.resolve("out"))).isEqualTo(Cli.BAD_INPUT);

        assertThat(errLines())
                .singleElement()
                .asString()
                .startsWith("cluster: " + workload + ": models must name at least one model")
                .doesNotContain("Exception");
    }

    @Test
    void aNamespaceThatIsNoDnsLabelIsOneLineAndExit2() {
        assertThat(cluster(SMOKE, "Bench_NS", dir.resolve("out"))).isEqualTo(Cli.BAD_INPUT);

        assertThat(errLines()).singleElement().asString().startsWith("cluster: --namespace must be a DNS-1123 label");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anOutFolderThatCannotBeWrittenIsOneLineAndExit2() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

        assertThat(cluster(SMOKE, "bench", file.resolve("out"))).isEqualTo(Cli.BAD_INPUT);

        assertThat(errLines())
                .singleElement()
                .asString()
                .startsWith("cluster: --out " + file.resolve("out") + " cannot be made a folder");
    }

    @Test
    void applyingToAClusterThatDoesNotAnswerIsOneLineAndExit1() throws Exception {
        // a kubeconfig whose server refuses connections (port 1 on this machine), as fabric8 finds it
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: nowhere
                  cluster:
                    server: http://127.0.0.1:1
                users:
                - name: someone
                  user:
                    token: not-a-token
                contexts:
                - name: nowhere
                  context:
                    cluster: nowhere
                    user: someone
                current-context: nowhere
                """);
        System.setProperty("kubeconfig", kubeconfig.toString());

        assertThat(cluster(SMOKE, "bench", dir.resolve("out"), "--apply")).isEqualTo(Cli.FAILED);

        assertThat(errLines())
                .singleElement()
                .asString()
                // the cause after it is the client's: a refused connection, or its retries giving up on one
                .startsWith("cluster: cannot reach the Kubernetes API at http://127.0.0.1:1");
        assertThat(dir.resolve("out"))
                .isDirectoryContaining(f -> f.getFileName().toString().startsWith("10-job"));
    }
}

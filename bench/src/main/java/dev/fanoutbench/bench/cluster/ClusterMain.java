package dev.fanoutbench.bench.cluster;

import dev.fanoutbench.bench.workload.Workload;
import dev.fanoutbench.bench.workload.WorkloadFile;
import dev.fanoutbench.cluster.ClusterClient;
import dev.fanoutbench.cluster.ManifestFiles;
import dev.fanoutbench.cluster.Manifests;
import dev.fanoutbench.cluster.Submit;
import dev.fanoutbench.cluster.SubmitFailed;
import dev.fanoutbench.cluster.TrialPlan;
import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench.jar cluster --namespace NS --image IMAGE --out DIR [--apply] WORKLOAD}: a workload's
 * trials as Kubernetes manifests, one trial per pod. The workload is read here, where its reader
 * lives; the manifests are the cluster module's, which knows nothing of workloads but the
 * number of trials, the file's text and its name (bench depends on it, not the other way).
 */
@Command(
        name = "bench.jar cluster",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Writes a workload's trials as Kubernetes manifests into --out (an Indexed Job with one trial"
                + " per model, each pod on a node of its own; the stub's Deployment and Service; a volume for the"
                + " results) and, with --apply, submits them to the cluster of the current kubeconfig context."
                + " See docs/scale-out.md.")
public final class ClusterMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "a workload file, e.g. workloads/knee.yaml")
    Path workload;

    @Option(names = "--namespace", required = true, description = "the namespace every resource goes in")
    String namespace;

    @Option(
            names = "--image",
            required = true,
            description = "an image with /app/bench.jar and /app/mock-server.jar (cluster/Dockerfile)")
    String image;

    @Option(names = "--out", required = true, description = "the folder the manifests are written to")
    Path out;

    @Option(names = "--name", description = "what every resource's name starts with (default: the workload's name)")
    String name;

    @Option(names = "--results-size", description = "the results volume's size (default: ${DEFAULT-VALUE})")
    String resultsSize = "1Gi";

    @Option(
            names = "--storage-class",
            description = "the results volume's storage class, one that offers ReadWriteMany (default: the cluster's)")
    String storageClass;

    @Option(
            names = "--generators",
            description = "load generators per trial, each a pod on a node of its own (default: ${DEFAULT-VALUE})")
    int generators = 1;

    @Option(names = "--stubs", description = "stubs per trial, requests spread over them (default: ${DEFAULT-VALUE})")
    int stubs = 1;

    @Option(names = "--apply", description = "submit them too, replacing an earlier submission of the same name")
    boolean apply;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The exit code, without exiting. */
    public static int run(String... args) {
        return Cli.of(
                        new ClusterMain(),
                        "cluster",
                        System.err,
                        e -> e instanceof IllegalArgumentException || e instanceof SubmitFailed f && f.badInput())
                .execute(args);
    }

    @Override
    public Integer call() throws IOException {
        // the reader's messages name the file, the key and the line: bad input, one line
        Workload read = WorkloadFile.read(workload);
        TrialPlan plan = new TrialPlan(
                name != null ? name : read.name(),
                namespace,
                image,
                read.models().size(),
                workload.getFileName().toString(),
                Files.readString(workload),
                resultsSize,
                storageClass,
                generators,
                stubs);
        List<HasMetadata> manifests = Manifests.of(plan);
        List<Path> files = ManifestFiles.write(out, manifests);
        System.out.println("wrote " + files.size() + " manifests into " + out + " (" + plan.trials() + " trials: "
                + String.join(", ", read.models()) + "; " + plan.generators() + " generator(s) and " + plan.stubs()
                + " stub(s) each: " + (plan.pods() + plan.trials() * plan.stubs()) + " pods, a node each)");
        files.forEach(f -> System.out.println("  " + f.getFileName()));
        if (!apply) {
            System.out.println("submit them with: kubectl apply -f " + out + " (or again with --apply)");
            return Cli.OK;
        }
        try (KubernetesClient client = ClusterClient.fromKubeconfig()) {
            new Submit(client, Submit.JOB_GONE).apply(manifests, System.out::println);
        }
        System.out.println("watch it with: kubectl -n " + namespace + " get pods -l app.kubernetes.io/instance="
                + plan.name() + " -w");
        return Cli.OK;
    }
}

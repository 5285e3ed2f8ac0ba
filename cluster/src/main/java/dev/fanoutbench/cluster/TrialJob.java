package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;

/**
 * The run's trials as an Indexed Job: pod k ({@code JOB_COMPLETION_INDEX}) runs trial k, or, with G generators per
 * trial, generator k % G of trial k / G; all at once, each on a node of its own, and none is ever run twice: a
 * failed pod fails the Job ({@code backoffLimit: 0}, {@code restartPolicy: Never}) rather than rerunning its slice
 * and recording it again.
 */
final class TrialJob {

    static final String INDEX = "JOB_COMPLETION_INDEX";
    /** Set by the Job controller on every pod of an Indexed Job. */
    static final String INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";

    static final String TRIALS = "FANOUT_TRIALS";
    /** What {@code bench.jar run} reads for its generator count and generator 0's barrier. */
    static final String GENERATORS = "FANOUT_GENERATORS";

    static final String BARRIER = "FANOUT_BARRIER";
    static final String WORKLOAD_DIR = "/workload";
    static final String RESULTS_DIR = "/results";

    private TrialJob() {}

    static Job of(TrialPlan plan) {
        return new JobBuilder()
                .withNewMetadata()
                .withName(plan.trialsName())
                .withNamespace(plan.namespace())
                .withLabels(Labels.of(plan, Labels.TRIAL))
                .endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withCompletions(plan.pods())
                .withParallelism(plan.pods())
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Labels.of(plan, Labels.TRIAL))
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                // pod i is then <name>-trials-i.<name>-trials in DNS: index 0 serves the barrier
                .withSubdomain(plan.trialsName())
                .withAffinity(Labels.apart(plan))
                .withInitContainers(waitForStub(plan))
                .withContainers(trial(plan))
                .addNewVolume()
                .withName("workload")
                .withNewConfigMap()
                .withName(plan.workloadName())
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName("results")
                .withNewPersistentVolumeClaim()
                .withClaimName(plan.resultsName())
                .endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static Container trial(TrialPlan plan) {
        return new ContainerBuilder()
                .withName("trial")
                .withImage(plan.image())
                // an image loaded into the nodes by hand (kind load docker-image) is never pulled
                .withImagePullPolicy("IfNotPresent")
                .withCommand("java", "-jar", "/app/bench.jar")
                .withArgs(args(plan))
                // the controller adds the same on Kubernetes 1.22+; declared here, $(...) in args expands on any
                .addToEnv(index())
                .addNewEnv()
                .withName(TRIALS)
                .withValue(Integer.toString(plan.trials()))
                .endEnv()
                .addNewEnv()
                .withName(GENERATORS)
                .withValue(Integer.toString(plan.generators()))
                .endEnv()
                .addNewEnv()
                .withName(BARRIER)
                .withValue(plan.generators() == 1 ? "" : plan.barrier())
                .endEnv()
                // generator 0 of a trial listens here for the others
                .addNewPort()
                .withName("barrier")
                .withContainerPort(TrialPlan.BARRIER_PORT)
                .endPort()
                // the node the trial ran on, for the merged run's environment
                .addNewEnv()
                .withName("NODE_NAME")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("spec.nodeName")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .addNewVolumeMount()
                .withName("workload")
                .withMountPath(WORKLOAD_DIR)
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("results")
                .withMountPath(RESULTS_DIR)
                .endVolumeMount()
                .build();
    }

    /**
     * After {@code java -jar /app/bench.jar}: trial k of the workload against its stubs' Services; with several
     * generators, the trial and the generator come from the index and the count in the environment.
     */
    static List<String> args(TrialPlan plan) {
        List<String> args = new java.util.ArrayList<>(List.of("run", WORKLOAD_DIR + "/" + plan.workloadFile()));
        if (plan.generators() == 1) {
            args.addAll(List.of("--trial-index", "$(" + INDEX + ")"));
        }
        args.addAll(rest(plan));
        return List.copyOf(args);
    }

    private static List<String> rest(TrialPlan plan) {
        return List.of(
                "--target",
                plan.target(),
                // the stub is another host: run refuses one unless told
                "--allow-remote",
                // a folder per pod: each run takes a lock on its folder, and merge takes the parts
                "--out",
                RESULTS_DIR + "/part-$(" + INDEX + ")");
    }

    /**
     * A trial checks the stub's health once and fails without it, and a failed trial is not
     * retried: so each pod waits until the stub's Service takes connections, which it does only
     * once the stub's readiness probe passes. Bash's /dev/tcp, as the image is Ubuntu's JRE.
     */
    /** The pod's index from its annotation: the controller adds it on Kubernetes 1.22+, declared here for any. */
    private static EnvVar index() {
        return new EnvVarBuilder()
                .withName(INDEX)
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.annotations['" + INDEX_ANNOTATION + "']")
                .endFieldRef()
                .endValueFrom()
                .build();
    }

    static Container waitForStub(TrialPlan plan) {
        String host = plan.name() + "-stub-$trial-$s";
        return new ContainerBuilder()
                .withName("wait-for-stub")
                .withImage(plan.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(
                        "bash",
                        "-c",
                        "trial=$((" + INDEX + " / " + plan.generators() + ")); for s in $(seq 0 "
                                + (plan.stubs() - 1) + "); do until (exec 3<>/dev/tcp/" + host + "/"
                                + TrialPlan.STUB_PORT + ") 2>/dev/null; do echo waiting for " + host + ":"
                                + TrialPlan.STUB_PORT + "; sleep 2; done; done")
                .addToEnv(index())
                .build();
    }
}

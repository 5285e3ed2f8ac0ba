package dev.fanoutbench.cluster;

import dev.fanoutbench.results.BadInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a run on Kubernetes is made of, checked before any manifest is built: {@code trials} trials (one per model
 * the workload lists), all at once, each sent by {@code generators} pods of one Indexed Job (pod k is generator
 * k % G of trial k / G) to stubs of its own ({@code stubs} of them, requests spread over them): trials that ran at
 * once against one stub would each reset and read the others' counts.
 *
 * @param name         every resource's name starts with it (the workload's name by default)
 * @param namespace    where every resource goes
 * @param image        holds {@code /app/bench.jar} and {@code /app/mock-server.jar} (cluster/Dockerfile)
 * @param workloadFile the workload file's own name: the key it is stored under, so a run that
 *                     takes its name from its file's name is named as it would be locally
 * @param workloadYaml the workload file's text, as written
 * @param resultsSize  the results volume's size, a Kubernetes quantity (1Gi)
 * @param storageClass the results volume's storage class; null for the cluster's default
 * @param generators   load generators per trial: pods that send one trial's schedule together
 * @param stubs        stubs per trial
 */
public record TrialPlan(
        String name,
        String namespace,
        String image,
        int trials,
        String workloadFile,
        String workloadYaml,
        String resultsSize,
        String storageClass,
        int generators,
        int stubs) {

    /** Where the container listens, and so the port in the trials' {@code --target}. */
    public static final int STUB_PORT = 8080;

    /** Where generator 0 of a trial serves its barrier. */
    public static final int BARRIER_PORT = 7070;

    static final int MAX_GENERATORS = 100;
    static final int MAX_STUBS = 20;

    /** One trial, one generator, one stub: a run as one machine would run each trial. */
    public TrialPlan(
            String name,
            String namespace,
            String image,
            int trials,
            String workloadFile,
            String workloadYaml,
            String resultsSize,
            String storageClass) {
        this(name, namespace, image, trials, workloadFile, workloadYaml, resultsSize, storageClass, 1, 1);
    }

    /**
     * A Service's name must be a DNS-1035 label (a letter first), and an Indexed Job's pod is
     * named {@code <name>-trials-<index>}, which must fit a 63-character label.
     */
    static final int MAX_NAME = 40;

    /** A ConfigMap holds at most 1 MiB, its keys and metadata included. */
    static final int MAX_WORKLOAD_BYTES = 1_000_000;

    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    /** A positive size in bytes, plain or with a binary or decimal suffix; what a claim is sized in. */
    private static final Pattern SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");

    public TrialPlan {
        if (name == null
                || name.length() > MAX_NAME
                || !DNS_1035_LABEL.matcher(name).matches()) {
            throw new BadInputException("--name must be a letter, then lower-case letters, digits and '-', at most "
                    + MAX_NAME + " characters (it names Kubernetes resources), got '" + name + "'");
        }
        if (namespace == null
                || namespace.length() > 63
                || !DNS_1123_LABEL.matcher(namespace).matches()) {
            throw new BadInputException("--namespace must be a DNS-1123 label (lower-case letters, digits and '-',"
                    + " at most 63, a letter or digit at each end), got '" + namespace + "'");
        }
        if (image == null
                || image.isBlank()
                || !image.strip().equals(image)
                || image.chars().anyMatch(Character::isWhitespace)) {
            throw new BadInputException("--image must be an image reference without spaces, got '" + image + "'");
        }
        if (trials < 1) {
            throw new BadInputException("the workload lists no models: a run on Kubernetes has one trial per model");
        }
        if (generators < 1 || generators > MAX_GENERATORS) {
            throw new BadInputException(
                    "--generators must be from 1 to " + MAX_GENERATORS + " per trial, got " + generators);
        }
        if (stubs < 1 || stubs > MAX_STUBS) {
            throw new BadInputException("--stubs must be from 1 to " + MAX_STUBS + " per trial, got " + stubs);
        }
        if (workloadFile == null
                || workloadFile.length() > 253
                || !CONFIG_MAP_KEY.matcher(workloadFile).matches()) {
            throw new BadInputException("the workload file's name '" + workloadFile
                    + "' cannot be a ConfigMap key (letters, digits, '-', '_' and '.'): rename it");
        }
        if (workloadYaml == null || workloadYaml.getBytes(StandardCharsets.UTF_8).length > MAX_WORKLOAD_BYTES) {
            throw new BadInputException("the workload file is larger than a ConfigMap holds (" + MAX_WORKLOAD_BYTES
                    + " bytes): move its payloads out of it");
        }
        if (resultsSize == null || !SIZE.matcher(resultsSize).matches() || resultsSize.matches("[0.]+\\D*")) {
            throw new BadInputException(
                    "--results-size must be a positive size like 1Gi or 500Mi, got '" + resultsSize + "'");
        }
        if (storageClass != null
                && (storageClass.length() > 253
                        || !DNS_1123_SUBDOMAIN.matcher(storageClass).matches())) {
            throw new BadInputException("--storage-class must be a storage class's name, got '" + storageClass + "'");
        }
    }

    /** The Indexed Job, and the headless Service its pods are the subdomain of (the barrier's address). */
    public String trialsName() {
        return name + "-trials";
    }

    /** Pods of the Job: every trial's generators. */
    public int pods() {
        return trials * generators;
    }

    /** Stub {@code stub} of trial {@code trial}: its Deployment and Service. */
    public String stubName(int trial, int stub) {
        return name + "-stub-" + trial + "-" + stub;
    }

    public String workloadName() {
        return name + "-workload";
    }

    public String resultsName() {
        return name + "-results";
    }

    /**
     * What a pod's {@code --target} says: its trial's stubs' Services, comma-separated. The trial is the pod's index
     * ({@code $(JOB_COMPLETION_INDEX)}, which Kubernetes expands) with one generator per trial; with several, {@code
     * bench.jar run} puts the trial it derives from the index in place of {@code {trial}}.
     */
    public String target() {
        String trial = generators == 1 ? "$(" + TrialJob.INDEX + ")" : "{trial}";
        List<String> targets = new ArrayList<>();
        for (int s = 0; s < stubs; s++) {
            targets.add("http://" + name + "-stub-" + trial + "-" + s + ":" + STUB_PORT);
        }
        return String.join(",", targets);
    }

    /**
     * Generator 0's address, as the pods of a trial of several generators are told it: pod k of the Job is {@code
     * <name>-trials-k.<name>-trials} in DNS (the headless Service), and {@code bench.jar run} puts the index of its
     * trial's generator 0 in place of {@code {leader}}.
     */
    public String barrier() {
        return trialsName() + "-{leader}." + trialsName() + ":" + BARRIER_PORT;
    }
}

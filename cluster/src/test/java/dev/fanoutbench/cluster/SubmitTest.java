package dev.fanoutbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a cluster is sent, read back from fabric8's mock API server in CRUD mode (it stores what
 * it is sent and answers reads from that). One server for the class: each test has its own
 * namespace.
 */
@EnableKubernetesMockClient(crud = true)
class SubmitTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    static List<String> submit(TrialPlan plan) {
        List<String> done = new ArrayList<>();
        new Submit(client, Duration.ofSeconds(10)).apply(Manifests.of(plan), done::add);
        return done;
    }

    static Job job(String namespace) {
        return client.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName("knee-trials")
                .get();
    }

    static Container only(List<Container> containers) {
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Volume volume(PodSpec pod, VolumeMount mount) {
        return pod.getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow();
    }

    static VolumeMount mountAt(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(path))
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    @Test
    void theJobIsIndexedOneTrialPerModelAllAtOnceNeverRetried() {
        assertThat(submit(Plans.three("indexed"))).contains("job/knee-trials created");

        Job job = job("indexed");
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getCompletions()).isEqualTo(3);
        assertThat(job.getSpec().getParallelism()).isEqualTo(3);
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void eachTrialRunsItsIndexOfTheWorkloadAgainstItsOwnStubsService() {
        submit(Plans.three("trial"));

        Container trial = only(job("trial").getSpec().getTemplate().getSpec().getContainers());
        assertThat(trial.getImage()).isEqualTo("fanout-bench:dev");
        assertThat(trial.getCommand()).containsExactly("java", "-jar", "/app/bench.jar");
        assertThat(trial.getArgs())
                .containsExactly(
                        "run",
                        "/workload/knee.yaml",
                        "--trial-index",
                        "$(JOB_COMPLETION_INDEX)",
                        "--target",
                        "http://knee-stub-$(JOB_COMPLETION_INDEX)-0:8080",
                        "--allow-remote",
                        "--out",
                        "/results/part-$(JOB_COMPLETION_INDEX)");
        assertThat(trial.getEnv())
                .extracting(EnvVar::getName)
                .containsExactly(
                        "JOB_COMPLETION_INDEX", "FANOUT_TRIALS", "FANOUT_GENERATORS", "FANOUT_BARRIER", "NODE_NAME");
        assertThat(trial.getEnv().get(4).getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("spec.nodeName");
        assertThat(trial.getEnv().get(0).getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        assertThat(trial.getEnv().get(1).getValue()).isEqualTo("3");
        assertThat(trial.getEnv().get(2).getValue()).isEqualTo("1");
    }

    @Test
    void severalGeneratorsPerTrialArePodsOfTheJobThatFindTheirTrialAndBarrierFromTheirIndex() {
        submit(new TrialPlan("knee", "spread", "fanout-bench:dev", 3, "knee.yaml", Plans.WORKLOAD, "1Gi", null, 4, 2));

        Job job = job("spread");
        assertThat(job.getSpec().getCompletions())
                .as("3 trials of 4 generators")
                .isEqualTo(12);
        assertThat(job.getSpec().getParallelism()).isEqualTo(12);
        Container generator = only(job.getSpec().getTemplate().getSpec().getContainers());
        assertThat(generator.getArgs())
                .as("no --trial-index: bench.jar run derives trial and generator from the index and the count")
                .containsExactly(
                        "run",
                        "/workload/knee.yaml",
                        "--target",
                        "http://knee-stub-{trial}-0:8080,http://knee-stub-{trial}-1:8080",
                        "--allow-remote",
                        "--out",
                        "/results/part-$(JOB_COMPLETION_INDEX)");
        Map<String, String> env = new java.util.HashMap<>();
        generator.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
        assertThat(env)
                .containsEntry("FANOUT_GENERATORS", "4")
                .containsEntry("FANOUT_BARRIER", "knee-trials-{leader}.knee-trials:7070");
        assertThat(generator.getPorts()).extracting(p -> p.getContainerPort()).containsExactly(7070);
        for (int trial = 0; trial < 3; trial++) {
            for (int stub = 0; stub < 2; stub++) {
                String name = "knee-stub-" + trial + "-" + stub;
                Deployment deployment = client.apps()
                        .deployments()
                        .inNamespace("spread")
                        .withName(name)
                        .get();
                Service service =
                        client.services().inNamespace("spread").withName(name).get();
                assertThat(deployment).as(name).isNotNull();
                assertThat(service.getSpec().getSelector())
                        .as("%s's Service selects its own pod only", name)
                        .containsEntry("fanout-bench/stub", trial + "-" + stub);
                assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                        .containsAllEntriesOf(service.getSpec().getSelector());
            }
        }
    }

    @Test
    void theWorkloadFileIsMountedAtWorkloadFromItsConfigMapAsWritten() {
        submit(Plans.three("workload"));

        PodSpec pod = job("workload").getSpec().getTemplate().getSpec();
        VolumeMount mount = mountAt(only(pod.getContainers()), "/workload");
        assertThat(mount.getReadOnly()).isTrue();
        String configMapName = volume(pod, mount).getConfigMap().getName();
        ConfigMap stored = client.configMaps()
                .inNamespace("workload")
                .withName(configMapName)
                .get();
        assertThat(stored.getData()).containsExactly(Map.entry("knee.yaml", Plans.WORKLOAD));
    }

    @Test
    void theResultsClaimIsReadWriteManyAndMountedAtResults() {
        submit(Plans.three("results"));

        PodSpec pod = job("results").getSpec().getTemplate().getSpec();
        String claimName = volume(pod, mountAt(only(pod.getContainers()), "/results"))
                .getPersistentVolumeClaim()
                .getClaimName();
        PersistentVolumeClaim claim = client.persistentVolumeClaims()
                .inNamespace("results")
                .withName(claimName)
                .get();
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("1Gi"));
    }

    @Test
    void eachTrialsStubIsOneMockServerBehindTheServiceItsTrialTargets() {
        submit(Plans.three("stub"));

        Deployment stub = client.apps()
                .deployments()
                .inNamespace("stub")
                .withName("knee-stub-1-0")
                .get();
        assertThat(stub.getSpec().getReplicas()).isEqualTo(1);
        Container server = only(stub.getSpec().getTemplate().getSpec().getContainers());
        assertThat(server.getImage()).isEqualTo("fanout-bench:dev");
        assertThat(server.getCommand())
                .containsExactly("java", "-jar", "/app/mock-server.jar", "--bind", "0.0.0.0", "--port", "8080");

        Service service =
                client.services().inNamespace("stub").withName("knee-stub-1-0").get();
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(8080);
            assertThat(p.getTargetPort().getIntVal()).isEqualTo(8080);
        });
        assertThat(stub.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getSelector())
                .as("the trials' pods are not behind the stub's Service")
                .isNotEqualTo(job("stub").getSpec().getTemplate().getMetadata().getLabels());
    }

    @Test
    void noTwoPodsOfARunShareANodeTrialsOrStub() {
        submit(Plans.three("apart"));

        PodTemplateSpec trial = job("apart").getSpec().getTemplate();
        PodTemplateSpec stub = client.apps()
                .deployments()
                .inNamespace("apart")
                .withName("knee-stub-0-0")
                .get()
                .getSpec()
                .getTemplate();
        for (PodTemplateSpec pod : List.of(trial, stub)) {
            var antiAffinity = pod.getSpec().getAffinity().getPodAntiAffinity();
            assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
                    .as("preferred would let two trials share a node's cores")
                    .isNullOrEmpty();
            assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution())
                    .singleElement()
                    .satisfies(term -> {
                        assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                        Map<String, String> selector = term.getLabelSelector().getMatchLabels();
                        assertThat(trial.getMetadata().getLabels()).containsAllEntriesOf(selector);
                        assertThat(stub.getMetadata().getLabels()).containsAllEntriesOf(selector);
                    });
        }
    }

    @Test
    void theTrialsAreTheSubdomainOfAHeadlessService() {
        submit(Plans.three("headless"));

        Service trials = client.services()
                .inNamespace("headless")
                .withName("knee-trials")
                .get();
        PodTemplateSpec pod = job("headless").getSpec().getTemplate();
        assertThat(trials.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(pod.getMetadata().getLabels())
                .containsAllEntriesOf(trials.getSpec().getSelector());
        assertThat(pod.getSpec().getSubdomain()).isEqualTo("knee-trials");
    }

    @Test
    void submittingTwiceReplacesTheRunRatherThanFailing() {
        submit(Plans.three("twice", "fanout-bench:one"));
        TrialPlan second =
                new TrialPlan("knee", "twice", "fanout-bench:two", 2, "knee.yaml", Plans.WORKLOAD, "2Gi", null);

        List<String> done = submit(second);

        assertThat(done)
                .containsExactly(
                        "configmap/knee-workload replaced",
                        "persistentvolumeclaim/knee-results kept (it exists: a claim's size and class cannot change,"
                                + " and it holds earlier results)",
                        "deployment/knee-stub-0-0 replaced",
                        "service/knee-stub-0-0 replaced",
                        "deployment/knee-stub-1-0 replaced",
                        "service/knee-stub-1-0 replaced",
                        "service/knee-trials replaced",
                        "job/knee-trials replaced (the earlier Job and its pods deleted)");
        assertThat(client.batch().v1().jobs().inNamespace("twice").list().getItems())
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.getSpec().getCompletions()).isEqualTo(2);
                    assertThat(only(job.getSpec().getTemplate().getSpec().getContainers())
                                    .getImage())
                            .isEqualTo("fanout-bench:two");
                });
        Deployment stub = client.apps()
                .deployments()
                .inNamespace("twice")
                .withName("knee-stub-0-0")
                .get();
        assertThat(only(stub.getSpec().getTemplate().getSpec().getContainers()).getImage())
                .isEqualTo("fanout-bench:two");
    }

    @Test
    void submittingLeavesTheCallersManifestsAsBuilt() {
        List<HasMetadata> manifests = Manifests.of(Plans.three("untouched"));
        List<HasMetadata> before = manifests.stream()
                .map(m -> client.getKubernetesSerialization().clone(m))
                .toList();

        new Submit(client, Duration.ofSeconds(10)).apply(manifests, line -> {});
        new Submit(client, Duration.ofSeconds(10)).apply(manifests, line -> {});

        assertThat(manifests).isEqualTo(before);
    }

    @Test
    void aForbiddenRequestIsOneLineNamingTheResourceAfterTheLinesForWhatWasDone() {
        server.expect()
                .post()
                .withPath("/apis/batch/v1/namespaces/locked/jobs")
                .andReturn(
                        403,
                        new StatusBuilder()
                                .withCode(403)
                                .withMessage("jobs.batch is forbidden: User \"ci\" cannot create resource \"jobs\""
                                        + " in API group \"batch\" in the namespace \"locked\"")
                                .build())
                .once();
        List<String> done = new ArrayList<>();

        assertThatThrownBy(() -> new Submit(client, Duration.ofSeconds(10))
                        .apply(Manifests.of(Plans.three("locked")), done::add))
                .isInstanceOfSatisfying(
                        SubmitFailed.class, e -> assertThat(e.badInput()).isFalse())
                .hasMessage("forbidden to create job/knee-trials in namespace locked: jobs.batch is forbidden: User"
                        + " \"ci\" cannot create resource \"jobs\" in API group \"batch\" in the namespace"
                        + " \"locked\"");
        assertThat(done)
                .containsExactly(
                        "configmap/knee-workload created",
                        "persistentvolumeclaim/knee-results created",
                        "deployment/knee-stub-0-0 created",
                        "service/knee-stub-0-0 created",
                        "deployment/knee-stub-1-0 created",
                        "service/knee-stub-1-0 created",
                        "deployment/knee-stub-2-0 created",
                        "service/knee-stub-2-0 created",
                        "service/knee-trials created");
    }

    @Test
    void aNamespaceThatDoesNotExistIsBadInput() {
        server.expect()
                .post()
                .withPath("/api/v1/namespaces/gone/configmaps")
                .andReturn(
                        404,
                        new StatusBuilder()
                                .withCode(404)
                                .withMessage("namespaces \"gone\" not found")
                                .build())
                .once();

        assertThatThrownBy(() -> submit(Plans.three("gone")))
                .isInstanceOfSatisfying(
                        SubmitFailed.class, e -> assertThat(e.badInput()).isTrue())
                .hasMessage("cannot create configmap/knee-workload in namespace gone (HTTP 404): namespaces \"gone\""
                        + " not found");
    }

    @Test
    void anUnreachableClusterIsOneLineNamingItsAddress() {
        Config config = Config.empty();
        config.setMasterUrl("http://127.0.0.1:1");
        config.setRequestRetryBackoffLimit(0);
        try (KubernetesClient nowhere =
                new KubernetesClientBuilder().withConfig(config).build()) {
            assertThatThrownBy(() -> new Submit(nowhere, Duration.ofSeconds(1))
                            .apply(Manifests.of(Plans.three("x")), line -> {}))
                    .isInstanceOfSatisfying(
                            SubmitFailed.class, e -> assertThat(e.badInput()).isFalse())
                    .hasMessageStartingWith("cannot reach the Kubernetes API at http://127.0.0.1:1")
                    .hasMessageContaining("ConnectException")
                    .hasMessageNotContaining("\n");
        }
    }
}

package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends a run's manifests to a cluster, in order; a second submission replaces the first rather
 * than failing on resources that exist. Each kind is replaced as Kubernetes lets it be:
 *
 * <ul>
 *   <li>a Job's pods are fixed once it exists, and a finished Job never runs again: the old one is
 *       deleted with its pods (waiting until they are gone, so no old trial shares a node with a
 *       new one), then the new one is created;
 *   <li>a bound claim's spec cannot change, and it holds the earlier runs' results: an existing
 *       one is kept;
 *   <li>everything else is updated in place.
 * </ul>
 */
public final class Submit {

    /** How long an old Job may take to go, its pods' grace period included. */
    public static final Duration JOB_GONE = Duration.ofMinutes(2);

    private static final Duration POLL = Duration.ofMillis(500);

    private final KubernetesClient client;
    private final Duration jobGone;

    public Submit(KubernetesClient client, Duration jobGone) {
        this.client = client;
        this.jobGone = jobGone;
    }

    /**
     * Submits each in turn, telling {@code done} what was done to it as soon as it is: when one
     * fails, the lines before say what the cluster already has.
     */
    public void apply(List<HasMetadata> manifests, Consumer<String> done) {
        for (HasMetadata manifest : manifests) {
            // the client writes a resource version into what it sends: never into the caller's objects
            HasMetadata resource = client.getKubernetesSerialization().clone(manifest);
            done.accept(name(resource) + " " + applyOne(resource));
        }
    }

    private String applyOne(HasMetadata resource) {
        Resource<HasMetadata> api = client.resource(resource);
        HasMetadata existing = call("read", resource, api::get);
        if (existing == null) {
            call("create", resource, api::create);
            return "created";
        }
        if (resource instanceof PersistentVolumeClaim) {
            return "kept (it exists: a claim's size and class cannot change, and it holds earlier results)";
        }
        if (resource instanceof Job) {
            call(
                    "delete",
                    resource,
                    () -> api.withPropagationPolicy(DeletionPropagation.FOREGROUND)
                            .delete());
            awaitGone(resource, api);
            call("create", resource, api::create);
            return "replaced (the earlier Job and its pods deleted)";
        }
        call("update", resource, api::update);
        return "replaced";
    }

    private void awaitGone(HasMetadata resource, Resource<HasMetadata> api) {
        long deadline = System.nanoTime() + jobGone.toNanos();
        while (call("read", resource, api::get) != null) {
            if (System.nanoTime() - deadline > 0) {
                throw new SubmitFailed(
                        name(resource) + " is still being deleted after " + jobGone.toSeconds()
                                + " s (its pods are stopping): submit again once it is gone",
                        false,
                        null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SubmitFailed("interrupted while " + name(resource) + " was being deleted", false, e);
            }
        }
    }

    private <T> T call(String verb, HasMetadata resource, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw SubmitFailed.of(e, verb, resource, String.valueOf(client.getMasterUrl()));
        }
    }

    static String name(HasMetadata resource) {
        return resource.getKind().toLowerCase(Locale.ROOT) + "/"
                + resource.getMetadata().getName();
    }
}

package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** A client for the cluster kubectl would use: the current context of $KUBECONFIG or ~/.kube/config. */
public final class ClusterClient {

    /**
     * fabric8 retries a failed request ten times, the pause doubling from 0.1 s to 3.2 s (some
     * 19 s in all): a command whose cluster is unreachable should say so sooner. Two retries
     * still ride out a blip.
     */
    static final int RETRIES = 2;

    private ClusterClient() {}

    public static KubernetesClient fromKubeconfig() {
        Config config = Config.autoConfigure(null);
        config.setRequestRetryBackoffLimit(RETRIES);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}

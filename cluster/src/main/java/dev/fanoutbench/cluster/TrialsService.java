package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * A headless Service over the trials' pods: no address of its own, a DNS name for each pod
 * ({@code <name>-trials-<i>.<name>-trials}), so the generators of a trial can find the barrier
 * that index 0 serves.
 */
final class TrialsService {

    private TrialsService() {}

    static Service of(TrialPlan plan) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(plan.trialsName())
                .withNamespace(plan.namespace())
                .withLabels(Labels.of(plan, Labels.TRIAL))
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .withSelector(Labels.of(plan, Labels.TRIAL))
                // the generators meet at the barrier before any of them is ready for anything else
                .withPublishNotReadyAddresses(true)
                .endSpec()
                .build();
    }
}

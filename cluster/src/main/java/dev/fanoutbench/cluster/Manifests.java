package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** Every resource of a run, in the order they are submitted: what the trials need before the trials. */
public final class Manifests {

    private Manifests() {}

    public static List<HasMetadata> of(TrialPlan plan) {
        return List.of(
                WorkloadConfigMap.of(plan),
                ResultsClaim.of(plan),
                Stub.deployment(plan),
                Stub.service(plan),
                TrialsService.of(plan),
                TrialJob.of(plan));
    }
}

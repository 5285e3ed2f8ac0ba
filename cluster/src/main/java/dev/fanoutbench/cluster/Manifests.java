package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** Every resource of a run, in the order they are submitted: what the trials need before the trials. */
public final class Manifests {

    private Manifests() {}

    public static List<HasMetadata> of(TrialPlan plan) {
        List<HasMetadata> manifests = new ArrayList<>(List.of(WorkloadConfigMap.of(plan), ResultsClaim.of(plan)));
        for (int trial = 0; trial < plan.trials(); trial++) {
            for (int stub = 0; stub < plan.stubs(); stub++) {
                manifests.add(Stub.deployment(plan, trial, stub));
                manifests.add(Stub.service(plan, trial, stub));
            }
        }
        manifests.add(TrialsService.of(plan));
        manifests.add(TrialJob.of(plan));
        return List.copyOf(manifests);
    }
}

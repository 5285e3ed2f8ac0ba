package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * One volume every trial writes its records to, at /results: ReadWriteMany, as the trials run on
 * different nodes at once (a storage class that offers it: NFS, CephFS, a cloud's file store).
 */
final class ResultsClaim {

    private ResultsClaim() {}

    static PersistentVolumeClaim of(TrialPlan plan) {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata()
                .withName(plan.resultsName())
                .withNamespace(plan.namespace())
                .withLabels(Labels.of(plan, Labels.RESULTS))
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteMany")
                .withStorageClassName(plan.storageClass())
                .withNewResources()
                .addToRequests("storage", new Quantity(plan.resultsSize()))
                .endResources()
                .endSpec()
                .build();
    }
}

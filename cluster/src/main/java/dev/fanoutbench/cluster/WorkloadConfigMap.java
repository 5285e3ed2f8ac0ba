package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;

/** The workload file, as written, under its own name: every trial reads it from /workload. */
final class WorkloadConfigMap {

    private WorkloadConfigMap() {}

    static ConfigMap of(TrialPlan plan) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(plan.workloadName())
                .withNamespace(plan.namespace())
                .withLabels(Labels.of(plan, Labels.WORKLOAD))
                .endMetadata()
                .addToData(plan.workloadFile(), plan.workloadYaml())
                .build();
    }
}

package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels every resource of a run carries ({@code kubectl get all -l app.kubernetes.io/instance=NAME}
 * lists the run), and what keeps its pods apart.
 */
final class Labels {

    static final String NAME = "app.kubernetes.io/name";
    static final String INSTANCE = "app.kubernetes.io/instance";
    static final String COMPONENT = "app.kubernetes.io/component";

    static final String TRIAL = "trial";
    static final String STUB = "stub";
    static final String WORKLOAD = "workload";
    static final String RESULTS = "results";

    /** Nodes are told apart by their host name; a zone would let two trials share one. */
    static final String ONE_NODE = "kubernetes.io/hostname";

    private Labels() {}

    /** In this order in every file: Map.of's order changes from one JVM to the next. */
    static Map<String, String> of(TrialPlan plan, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "fanout-bench");
        labels.put(INSTANCE, plan.name());
        labels.put(COMPONENT, component);
        return labels;
    }

    /** Which trial's stub, and which of its stubs: what its Service selects. */
    static final String STUB_OF = "fanout-bench/stub";

    static Map<String, String> stub(TrialPlan plan, int trial, int stub) {
        Map<String, String> labels = of(plan, STUB);
        labels.put(STUB_OF, trial + "-" + stub);
        return labels;
    }

    /**
     * No two pods of the run on one node: each trial has its node's cores to itself, and none
     * shares the stub's. Required, not preferred: a trial that shared cores would measure the
     * other one too, and say nothing. So a run needs as many nodes as trials, plus one.
     */
    static Affinity apart(TrialPlan plan) {
        return new AffinityBuilder()
                .withNewPodAntiAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNewLabelSelector()
                .addToMatchLabels(NAME, "fanout-bench")
                .addToMatchLabels(INSTANCE, plan.name())
                .endLabelSelector()
                .withTopologyKey(ONE_NODE)
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity()
                .build();
    }
}

package dev.fanoutbench.cluster;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/**
 * A trial's stub (mock-server.jar) as one pod of a Deployment, on a node no other pod of the run uses, behind a
 * Service of its own: each trial reads and resets its own stubs' counts.
 */
final class Stub {

    private Stub() {}

    static Deployment deployment(TrialPlan plan, int trial, int stub) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(plan.stubName(trial, stub))
                .withNamespace(plan.namespace())
                .withLabels(Labels.stub(plan, trial, stub))
                .endMetadata()
                .withNewSpec()
                // one pod: its /stats count every request its trial sent it
                .withReplicas(1)
                // the old pod goes before the new one starts: two stubs would split the counts, and
                // the new one could find no node, the old one holding the only free one
                .withNewStrategy()
                .withType("Recreate")
                .endStrategy()
                .withNewSelector()
                .withMatchLabels(Labels.stub(plan, trial, stub))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Labels.stub(plan, trial, stub))
                .endMetadata()
                .withNewSpec()
                .withAffinity(Labels.apart(plan))
                .addNewContainer()
                .withName("stub")
                .withImage(plan.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(
                        "java",
                        "-jar",
                        "/app/mock-server.jar",
                        "--bind",
                        "0.0.0.0",
                        "--port",
                        Integer.toString(TrialPlan.STUB_PORT))
                .addNewPort()
                .withName("http")
                .withContainerPort(TrialPlan.STUB_PORT)
                .endPort()
                // the Service sends nothing to it before /stats answers: the trials wait for that
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/stats")
                .withPort(new IntOrString(TrialPlan.STUB_PORT))
                .endHttpGet()
                .withPeriodSeconds(2)
                .endReadinessProbe()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    static Service service(TrialPlan plan, int trial, int stub) {
        return new ServiceBuilder()
                .withNewMetadata()
                .withName(plan.stubName(trial, stub))
                .withNamespace(plan.namespace())
                .withLabels(Labels.stub(plan, trial, stub))
                .endMetadata()
                .withNewSpec()
                .withSelector(Labels.stub(plan, trial, stub))
                .addNewPort()
                .withName("http")
                .withPort(TrialPlan.STUB_PORT)
                .withTargetPort(new IntOrString(TrialPlan.STUB_PORT))
                .endPort()
                .endSpec()
                .build();
    }
}

package dev.fanoutbench.cluster;

/** Plans as the tests need them: a three-model workload, in a namespace of the test's own. */
final class Plans {

    static final String WORKLOAD =
            "name: knee\nrequest:\n  path: /api/items/{id}\nload:\n  - constant: {rate: 100, duration: 10s}\n"
                    + "models: [thread-pool, virtual-threads, vertx]\n";

    private Plans() {}

    static TrialPlan three(String namespace) {
        return three(namespace, "fanout-bench:dev");
    }

    static TrialPlan three(String namespace, String image) {
        return new TrialPlan("knee", namespace, image, 3, "knee.yaml", WORKLOAD, "1Gi", null);
    }
}

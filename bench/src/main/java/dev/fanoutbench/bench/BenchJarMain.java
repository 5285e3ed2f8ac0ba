package dev.fanoutbench.bench;

import dev.fanoutbench.bench.cluster.ClusterMain;
import dev.fanoutbench.bench.scenario.ScenarioMain;
import dev.fanoutbench.reports.capacity.AdviseMain;
import java.util.Arrays;

/**
 * What {@code java -jar bench/target/bench.jar} runs: {@code run WORKLOAD.yaml} runs a workload
 * file ({@link WorkloadMain}); {@code advise RUN --rate R} reads a workload run's capacity
 * ({@link AdviseMain}); {@code merge --out DIR RUN...} makes runs of a workload's trials apart into one
 * ({@link MergeMain}); {@code cluster WORKLOAD.yaml ...} writes its trials as Kubernetes manifests
 * ({@link ClusterMain}); {@code spread WORKLOAD.yaml} sends it from one generator and from several
 * ({@link SpreadMain}); anything else is a lesson ({@link ScenarioMain}).
 */
public final class BenchJarMain {

    private BenchJarMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run")) {
            WorkloadMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("merge")) {
            MergeMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("advise")) {
            AdviseMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("spread")) {
            SpreadMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && args[0].equals("cluster")) {
            ClusterMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            ScenarioMain.main(args);
        }
    }
}

package dev.fanoutbench.bench;

import dev.fanoutbench.bench.scenario.ScenarioMain;
import java.util.Arrays;

/**
 * What {@code java -jar bench/target/bench.jar} runs: {@code run WORKLOAD.yaml} runs a workload
 * file ({@link WorkloadMain}); anything else is a lesson ({@link ScenarioMain}).
 */
public final class BenchJarMain {

    private BenchJarMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run")) {
            WorkloadMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else {
            ScenarioMain.main(args);
        }
    }
}

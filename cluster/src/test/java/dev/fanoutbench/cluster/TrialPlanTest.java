package dev.fanoutbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.results.BadInputException;
import org.junit.jupiter.api.Test;

/** What cannot name or size Kubernetes resources is refused before anything is written. */
class TrialPlanTest {

    static TrialPlan plan(String name, String namespace, int trials, String size) {
        return new TrialPlan(name, namespace, "fanout-bench:dev", trials, "knee.yaml", Plans.WORKLOAD, size, null);
    }

    @Test
    void aNamespaceMustBeADns1123Label() {
        assertThatThrownBy(() -> plan("knee", "Bench_NS", 3, "1Gi"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--namespace must be a DNS-1123 label (lower-case letters, digits and '-', at most 63,"
                        + " a letter or digit at each end), got 'Bench_NS'");
        assertThatThrownBy(() -> plan("knee", "bench-", 3, "1Gi")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> plan("knee", "a".repeat(64), 3, "1Gi")).isInstanceOf(BadInputException.class);
        assertThat(plan("knee", "0bench", 3, "1Gi").namespace()).isEqualTo("0bench");
    }

    @Test
    void aNameMustStartWithALetterAndLeaveRoomForAPodsIndex() {
        assertThatThrownBy(() -> plan("2xx", "bench", 3, "1Gi"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("got '2xx'");
        assertThatThrownBy(() -> plan("k".repeat(41), "bench", 3, "1Gi")).isInstanceOf(BadInputException.class);
        String longest = "k".repeat(TrialPlan.MAX_NAME);
        assertThat((plan(longest, "bench", 3, "1Gi").trialsName() + "-99999").length())
                .isLessThanOrEqualTo(63);
    }

    @Test
    void aWorkloadWithoutModelsHasNoTrialToRun() {
        assertThatThrownBy(() -> plan("knee", "bench", 0, "1Gi"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the workload lists no models: a run on Kubernetes has one trial per model");
    }

    @Test
    void theResultsSizeIsAPositiveQuantity() {
        assertThat(plan("knee", "bench", 3, "500Mi").resultsSize()).isEqualTo("500Mi");
        assertThat(plan("knee", "bench", 3, "2G").resultsSize()).isEqualTo("2G");
        for (String bad : new String[] {"0", "0Gi", "1 Gi", "1gb", "-1Gi", ""}) {
            assertThatThrownBy(() -> plan("knee", "bench", 3, bad))
                    .as(bad)
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("--results-size must be a positive size");
        }
    }

    @Test
    void eachTrialTargetsItsOwnStubsServicesByName() {
        assertThat(plan("knee", "bench", 3, "1Gi").target())
                .isEqualTo("http://knee-stub-$(JOB_COMPLETION_INDEX)-0:8080");
        TrialPlan spread = new TrialPlan("knee", "bench", "i", 3, "knee.yaml", "x", "1Gi", null, 2, 2);
        assertThat(spread.target()).isEqualTo("http://knee-stub-{trial}-0:8080,http://knee-stub-{trial}-1:8080");
        assertThat(spread.barrier()).isEqualTo("knee-trials-{leader}.knee-trials:7070");
        assertThat(spread.pods()).isEqualTo(6);
    }

    @Test
    void generatorsAndStubsPerTrialAreBounded() {
        assertThatThrownBy(() -> new TrialPlan("knee", "bench", "i", 3, "knee.yaml", "x", "1Gi", null, 0, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--generators must be from 1 to 100");
        assertThatThrownBy(() -> new TrialPlan("knee", "bench", "i", 3, "knee.yaml", "x", "1Gi", null, 1, 21))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--stubs must be from 1 to 20");
    }
}

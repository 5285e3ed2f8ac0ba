package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CpuSplitTest {

    @Test
    void noValueMeansTheStubAndTheClientShareEveryCpu() {
        assertThat(CpuSplit.parse("")).isNull();
    }

    @Test
    void theStubRunsUnderTasksetOnItsOwnCpus() {
        CpuSplit split = CpuSplit.parse("0:1");
        assertThat(split.stubPrefix()).containsExactly("taskset", "-c", "0");
        assertThat(split.client()).isEqualTo("1");
    }

    @Test
    void aSplitThatIsNotTwoCpuListsIsRefusedInWords() {
        assertThatThrownBy(() -> CpuSplit.parse("0")).hasMessageContaining("STUB:CLIENT");
        assertThatThrownBy(() -> CpuSplit.parse("a:b")).hasMessageContaining("STUB:CLIENT");
        assertThatThrownBy(() -> CpuSplit.parse("0:0")).hasMessageContaining("share a CPU");
        assertThatThrownBy(() -> CpuSplit.parse("0:4096")).hasMessageContaining("does not give us");
        assertThatThrownBy(() -> CpuSplit.parse("1-0:0")).hasMessageContaining("backwards");
    }
}

package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run records what its numbers depend on as fields, the machine's CPU and any cgroup limit included. */
class EnvironmentTest {

    @Test
    @SuppressWarnings("unchecked")
    void theMachineIsRecordedWithItsCpuAndItsLimits() {
        Map<String, Object> env = Environment.capture(Path.of("."), Map.of(), Map.of("settings", Map.of("acceptQueueSize", 4096)));

        Map<String, Object> machine = (Map<String, Object>) env.get("machine");
        assertThat(machine).containsKeys("cores", "memoryBytes", "cpuModel", "cgroupLimits", "maxOpenFiles");
        assertThat((String) machine.get("cpuModel")).isNotBlank();
        assertThat(((Map<String, Object>) env.get("mockServer"))).containsKey("settings");
    }
}

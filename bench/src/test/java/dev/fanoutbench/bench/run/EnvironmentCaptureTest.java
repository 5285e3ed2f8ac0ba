package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.fanoutbench.mock.MockServerSettings;
import dev.fanoutbench.results.Environment;
import dev.fanoutbench.results.Environments;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run records what its numbers depend on as fields, the machine's CPU and any cgroup limit included. */
class EnvironmentCaptureTest {

    @TempDir
    Path dir;

    @Test
    void theMachineIsRecordedWithItsCpuAndItsLimits() {
        Environment env =
                EnvironmentCapture.capture(Path.of("."), Map.of(), Map.of("settings", Map.of("acceptQueueSize", 4096)));

        assertThat(env.machine().cores()).isPositive();
        assertThat(env.machine().memoryBytes()).isPositive();
        assertThat(env.machine().cpuModel()).isNotBlank();
        assertThat(env.machine().cgroupLimits()).isNotNull();
        assertThat(env.mockServer()).containsKey("settings");
    }

    @Test
    void whatARunGivesItReadsBackAsTheirFields() throws Exception {
        // as BenchMain records them: the preset and the stub's settings are records of their own
        Map<String, Object> settings = Map.of("preset", Preset.QUICK, "intervalMillis", 1000L);
        Map<String, Object> mockServer = Map.of("settings", MockServerSettings.defaults());
        Path file = dir.resolve("environment.json");

        Environments.write(EnvironmentCapture.capture(Path.of("."), settings, mockServer), file);
        Environment read = Environments.read(file);

        assertThat(read.settings().get("preset")).asInstanceOf(MAP).containsEntry("name", "quick");
        assertThat(read.mockServer().get("settings")).asInstanceOf(MAP).containsEntry("acceptQueueSize", 4096);
    }
}

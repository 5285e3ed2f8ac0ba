package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** -Dbench.jmh passes JMH's options through as written, or refuses one in words: never silently drops it. */
class JmhLaunchTest {

    static final URI TARGET = URI.create("http://127.0.0.1:1/");
    static final Path RUN_DIR = Path.of("/tmp/run");

    static JmhLaunch launch(String jmh) {
        return JmhLaunch.of(Preset.DEFAULT, "", jmh, TARGET, RUN_DIR, Duration.ofSeconds(1));
    }

    @Test
    void quotedValuesAndTheUsersJvmArgumentsArrive() {
        JmhLaunch launch = launch("-p delayMs=100,200 -jvmArgsAppend '-Dmy.flag=a b -Xss512k'");

        assertThat(launch.options().getParameter("delayMs").get()).containsExactly("100", "200");
        assertThat(launch.options().getJvmArgsAppend().get())
                .contains("-Dmy.flag=a", "-Xss512k", "-Dbench.target=" + TARGET, "-Dbench.runDir=" + RUN_DIR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-rf csv", "-rff other.json", "-o log.txt", "-foe false", "-bm avgt", "-tu s", "-t 4"})
    void optionsTheHarnessDependsOnAreRefusedNamingWhy(String option) {
        assertThatThrownBy(() -> launch(option))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bench.jmh: ")
                .hasMessageContaining("cannot be passed through");
    }

    @Test
    void anUnclosedQuoteIsNamed() {
        assertThatThrownBy(() -> launch("-p 'delayMs=1")).hasMessageContaining("unclosed single quote");
    }
}

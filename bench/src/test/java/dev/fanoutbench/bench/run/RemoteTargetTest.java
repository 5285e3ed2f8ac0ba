package dev.fanoutbench.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Load goes to loopback unless the user says otherwise; no traffic is sent to check. */
class RemoteTargetTest {

    // TEST-NET-1 (RFC 5737): documentation only, routed nowhere; refused before any packet
    static final URI SOMEONE_ELSES = URI.create("http://192.0.2.10:8080/");

    @Test
    void aRemoteTargetIsRefusedNamingTheFlagThatAllowsIt() {
        assertThatThrownBy(() -> LoopbackGuard.require(SOMEONE_ELSES, false, "-Dbench.allowRemote=true"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("192.0.2.10")
                .hasMessageContaining("-Dbench.allowRemote=true");
    }

    @Test
    void loopbackIsAllowedAndSoIsARemoteTargetWhenAskedFor() {
        assertThatCode(() -> LoopbackGuard.require(URI.create("http://127.0.0.1:1/"), false, "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> LoopbackGuard.require(URI.create("http://localhost:1/"), false, "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> LoopbackGuard.require(SOMEONE_ELSES, true, "x")).doesNotThrowAnyException();
    }

    @Test
    void theTargetIsPassedOnAsTheAddressThatWasChecked() {
        // Netty reads "127.1" as a DNS name; the JDK as 127.0.0.1: the forks must get what was checked
        assertThat(LoopbackGuard.require(URI.create("http://127.1:8080"), false, "x"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/"));
        assertThat(LoopbackGuard.require(URI.create("http://localhost:8080/"), false, "x")
                        .getHost())
                .matches("127\\.0\\.0\\.1|\\[?0:0:0:0:0:0:0:1\\]?");
    }

    @Test
    void notAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> LoopbackGuard.require(URI.create("ftp://127.0.0.1/"), false, "x"))
                .hasMessageContaining("not an http://host:port URL");
    }
}

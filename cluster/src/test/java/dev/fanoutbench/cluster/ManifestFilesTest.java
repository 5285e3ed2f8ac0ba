package dev.fanoutbench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fanoutbench.results.BadInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files {@code kubectl apply -f DIR} is given: one resource each, in submission order, the same objects. */
class ManifestFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFilesParseBackIntoTheSameObjects() throws Exception {
        List<HasMetadata> manifests = Manifests.of(Plans.three("parse"));

        List<Path> files = ManifestFiles.write(dir.resolve("out"), manifests);

        List<HasMetadata> parsed = new ArrayList<>();
        for (Path file : files) {
            parsed.add(new KubernetesSerialization().unmarshal(Files.readString(file)));
        }
        assertThat(parsed).isEqualTo(manifests);
    }

    @Test
    void oneFilePerResourceNamedInSubmissionOrder() {
        List<Path> files = ManifestFiles.write(dir, Manifests.of(Plans.three("order")));

        assertThat(files)
                .extracting(f -> f.getFileName().toString())
                .containsExactly(
                        "01-configmap-knee-workload.yaml",
                        "02-persistentvolumeclaim-knee-results.yaml",
                        "03-deployment-knee-stub-0-0.yaml",
                        "04-service-knee-stub-0-0.yaml",
                        "05-deployment-knee-stub-1-0.yaml",
                        "06-service-knee-stub-1-0.yaml",
                        "07-deployment-knee-stub-2-0.yaml",
                        "08-service-knee-stub-2-0.yaml",
                        "09-service-knee-trials.yaml",
                        "10-job-knee-trials.yaml")
                .isSorted();
    }

    @Test
    void theWorkloadIsStoredAsWrittenNotReformatted() throws Exception {
        Path configMap =
                ManifestFiles.write(dir, Manifests.of(Plans.three("text"))).get(0);

        HasMetadata parsed = new KubernetesSerialization().unmarshal(Files.readString(configMap));
        assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) parsed)
                        .getData()
                        .get("knee.yaml"))
                .isEqualTo(Plans.WORKLOAD);
    }

    @Test
    void anOutFolderThatCannotBeMadeIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

        assertThatThrownBy(() -> ManifestFiles.write(file.resolve("out"), Manifests.of(Plans.three("x"))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--out " + file.resolve("out") + " cannot be made a folder: ");
    }
}

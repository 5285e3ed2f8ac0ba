package dev.fanoutbench.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example file in docs/workloads.md is the format: it reads, and it writes every key the records accept. */
class WorkloadDocsTest {

    static String example() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "workloads.md"));
        Matcher block = Pattern.compile("## The file\\s+```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(docs);
        assertThat(block.find()).as("a ```yaml block under '## The file'").isTrue();
        return block.group(1);
    }

    @Test
    void theExampleIsAValidWorkload() throws IOException {
        Workload workload = WorkloadFile.parse(example(), "docs/workloads.md");

        assertThat(workload.load()).hasSize(5);
        assertThat(workload.slo()).isNotNull();
    }

    @Test
    void theExampleWritesEveryKeyTheRecordsAcceptAndNoOther() throws IOException {
        assertThat(FormatKeys.written(new YAMLMapper().readTree(example())))
                .containsExactlyElementsOf(FormatKeys.accepted());
    }
}

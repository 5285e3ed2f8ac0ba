package dev.fanoutbench.bench.jmh;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a benchmark sends its load and writes its records: the system properties
 * {@code bench.target} and {@code bench.runDir}, which BenchMain passes to every JMH fork.
 */
public final class BenchTarget {

    public static final String TARGET = "bench.target";
    public static final String RUN_DIR = "bench.runDir";

    private BenchTarget() {}

    static URI uri() {
        String target = System.getProperty(TARGET);
        if (target == null || target.isBlank()) {
            throw new IllegalStateException("no -D" + TARGET + "=http://127.0.0.1:PORT: run the benchmarks through"
                    + " `mvn verify -Pbench` (BenchMain), which starts the mock server and passes its address");
        }
        return URI.create(target.endsWith("/") ? target : target + "/");
    }

    static Path runDir() {
        String dir = System.getProperty(RUN_DIR);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("no -D" + RUN_DIR + "=FOLDER: run the benchmarks through `mvn verify -Pbench`");
        }
        return Path.of(dir);
    }
}

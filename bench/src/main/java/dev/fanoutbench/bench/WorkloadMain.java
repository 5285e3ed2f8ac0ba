package dev.fanoutbench.bench;

import dev.fanoutbench.results.Cli;
import dev.fanoutbench.results.Version;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar bench/target/bench.jar run workloads/knee.yaml}: the same run as
 * {@code mvn verify -Pbench -Dbench.workload=...} (the main job, its run folder, its report and
 * its exit code) without Maven. The checkout is found from the jar's own place in it.
 */
@Command(
        name = "bench.jar run",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = "Runs a workload file on each of its models against the mock server (or --target) and writes"
                + " a run folder and its report, as mvn verify -Pbench -Dbench.workload=FILE does.")
public final class WorkloadMain implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKLOAD", description = "a workload file, e.g. workloads/knee.yaml")
    Path workload;

    @Option(names = "--model", description = "only these models (comma-separated ids; default: the file's)")
    String models = "";

    @Option(names = "--target", description = "base URL of a running server instead of starting the mock server")
    String target = "";

    @Option(names = "--allow-remote", description = "allow a --target that is not on this machine")
    boolean allowRemote;

    @Option(names = "--exit-with-parent", hidden = true, description = "end when the process that started it ends")
    boolean exitWithParent;

    @Option(names = "--cpus", description = "STUB:CLIENT CPU lists (taskset), e.g. 0:1")
    String cpus = "";

    @Option(names = "--sla", description = "SLA rules checked at the end, as -Dbench.sla")
    String sla = "";

    @Option(
            names = "--trial-index",
            description = "only the trial of this index (0-based) among the models run: one pod of a Kubernetes"
                    + " Indexed Job passes its JOB_COMPLETION_INDEX")
    Integer trialIndex;

    @Option(
            names = "--generators",
            defaultValue = "${env:FANOUT_GENERATORS}",
            description = "load generators per trial (default: $FANOUT_GENERATORS, else 1); with more than one, this"
                    + " process is job index K's: trial K / N, generator K % N")
    Integer generators;

    @Option(
            names = "--job-index",
            defaultValue = "${env:JOB_COMPLETION_INDEX}",
            description = "with --generators: this process's index (default: $JOB_COMPLETION_INDEX, as a pod of an"
                    + " Indexed Job has)")
    Integer jobIndex;

    @Option(
            names = "--barrier",
            defaultValue = "${env:FANOUT_BARRIER}",
            description = "with --generators: HOST:PORT of generator 0's barrier (default: $FANOUT_BARRIER); {leader}"
                    + " in HOST becomes the job index of the trial's generator 0, {trial} the trial's index")
    String barrier;

    @Option(names = "--meeting-patience", description = "how long generators wait for one another, e.g. 30s")
    String meetingPatience = "";

    @Option(
            names = "--source-address",
            description = "the local address the clients connect from, e.g. 127.0.0.2 (generators on one machine)")
    String sourceAddress = "";

    @Option(names = "--out", description = "the folder run folders go into (default: the checkout's reports/runs)")
    Path out;

    public static void main(String[] args) {
        System.exit(Cli.of(new WorkloadMain(), "bench.jar run", System.err, e -> e instanceof IllegalArgumentException)
                .execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(workload)) {
            throw new IllegalArgumentException(workload + ": no such file");
        }
        Path root = checkout();
        if (root == null) {
            if (target.isBlank() || out == null) {
                throw new IllegalArgumentException("cannot find the checkout from " + jar()
                        + ": run bench.jar from bench/target/, or give --target and --out (as a pod does)");
            }
            // a jar on its own (a container's /app/bench.jar): nothing it needs is in a checkout
            root = Path.of("").toAbsolutePath();
        }
        Path mockServer = root.resolve("mock-server/target/mock-server.jar");
        if (target.isBlank() && !Files.isRegularFile(mockServer)) {
            throw new IllegalArgumentException(mockServer + " is missing: run 'mvn -B package -DskipTests' first");
        }
        List<String> args = new ArrayList<>(List.of(
                "--project-dir=" + root,
                "--workload=" + workload.toAbsolutePath(),
                "--models=" + models,
                "--cpus=" + cpus,
                "--sla=" + sla,
                "--allow-remote=" + allowRemote));
        String targets = target;
        if (generators != null && generators < 1) {
            throw new IllegalArgumentException("--generators must be at least 1, got " + generators);
        }
        if (generators != null && generators > 1) {
            if (jobIndex == null) {
                throw new IllegalArgumentException("--generators " + generators + " needs --job-index K (a pod's"
                        + " JOB_COMPLETION_INDEX): this process is generator K % N of trial K / N");
            }
            if (jobIndex < 0) {
                throw new IllegalArgumentException("--job-index must not be negative, got " + jobIndex);
            }
            if (trialIndex != null) {
                throw new IllegalArgumentException(
                        "--trial-index and --generators both choose the trial: with generators, the job index does");
            }
            if (barrier == null || barrier.isBlank()) {
                throw new IllegalArgumentException(
                        "--generators " + generators + " needs --barrier HOST:PORT (or $FANOUT_BARRIER)");
            }
            int trial = jobIndex / generators;
            trialIndex = trial;
            String leader = Integer.toString(trial * generators);
            args.add("--generator=" + (jobIndex % generators) + "/" + generators);
            args.add("--barrier=" + barrier.replace("{leader}", leader).replace("{trial}", Integer.toString(trial)));
            targets = target.replace("{trial}", Integer.toString(trial));
            if (!meetingPatience.isBlank()) {
                args.add("--meeting-patience=" + meetingPatience);
            }
        } else if (!meetingPatience.isBlank()) {
            throw new IllegalArgumentException("--meeting-patience applies with --generators");
        }
        if (!sourceAddress.isBlank()) {
            args.add("--source-address=" + sourceAddress);
        }
        if (exitWithParent) {
            args.add("--exit-with-parent");
        }
        args.add(target.isBlank() ? "--mock-server-jar=" + mockServer : "--target=" + targets);

        if (trialIndex != null) {
            args.add("--trial-index=" + trialIndex);
        }
        if (out != null) {
            args.add("--runs-dir=" + out.toAbsolutePath());
        }
        return BenchMain.run(args.toArray(String[]::new));
    }

    /** The checkout this jar was built in (bench/target/bench.jar is two levels below it), or null outside one. */
    private static Path checkout() throws URISyntaxException, IOException {
        Path jar = jar();
        Path root = jar.getParent() == null
                ? null
                : jar.getParent().getParent() == null
                        ? null
                        : jar.getParent().getParent().getParent();
        if (root == null
                || !Files.isDirectory(root.resolve("workloads")) && !Files.isRegularFile(root.resolve("pom.xml"))) {
            return null;
        }
        return root.toRealPath();
    }

    private static Path jar() throws URISyntaxException {
        return Path.of(WorkloadMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }
}

package dev.fanoutbench.cluster;

import dev.fanoutbench.results.BadInputException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The manifests as files, one resource each, numbered in submission order, so that
 * {@code kubectl apply -f DIR} (which takes a folder's files in name order) submits them as
 * {@code --apply} does.
 */
public final class ManifestFiles {

    /** fabric8's own mapper (Jackson 3): it knows the model's types, which the project's Jackson 2 mapper does not. */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ManifestFiles() {}

    /** Writes {@code manifests} into {@code dir}, made if missing; the files written, in order. */
    public static List<Path> write(Path dir, List<HasMetadata> manifests) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + " cannot be made a folder: " + why(e));
        }
        if (!Files.isWritable(dir)) {
            throw new BadInputException("--out " + dir + " is not writable");
        }
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < manifests.size(); i++) {
            HasMetadata resource = manifests.get(i);
            Path file = dir.resolve(fileName(i + 1, manifests.size(), resource));
            try {
                Files.writeString(file, SERIALIZATION.asYaml(resource));
            } catch (IOException e) {
                throw new BadInputException("--out " + dir + ": cannot write " + file.getFileName() + ": " + why(e));
            }
            files.add(file);
        }
        return files;
    }

    /**
     * {@code 06-job-knee-trials.yaml}: its place (padded to the count's width, so that name order is submission
     * order), kind and name.
     */
    static String fileName(int place, int count, HasMetadata resource) {
        String width = Integer.toString(Integer.toString(count).length());
        return String.format(Locale.ROOT, "%0" + width + "d", place) + "-"
                + resource.getKind().toLowerCase(Locale.ROOT)
                + "-"
                + resource.getMetadata().getName() + ".yaml";
    }

    private static String why(IOException e) {
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " (" + e.getMessage() + ")";
    }
}

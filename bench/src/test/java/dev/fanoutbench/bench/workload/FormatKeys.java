package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of the workload format as paths, {@code load[].constant.rate}, so that what the
 * records accept, what the docs write and what the schema lists compare as sets; the free-form
 * maps (query, headers) have no keys of their own.
 */
final class FormatKeys {

    private FormatKeys() {}

    /** Every key the binder accepts, from {@link Workload} down. */
    static Set<String> accepted() {
        Set<String> keys = new TreeSet<>();
        accepted(TypeFactory.defaultInstance().constructType(Workload.class), "", keys);
        return keys;
    }

    private static void accepted(JavaType type, String path, Set<String> keys) {
        if (type.isCollectionLikeType()) {
            accepted(type.getContentType(), path + "[]", keys);
            return;
        }
        for (Map.Entry<String, JavaType> key :
                WorkloadFile.keys(type.getRawClass()).entrySet()) {
            keys.add(child(path, key.getKey()));
            accepted(key.getValue(), child(path, key.getKey()), keys);
        }
    }

    /** Every key {@code workload}, a file read as a tree, writes: those of the free-form maps left out. */
    static Set<String> written(JsonNode workload) {
        Set<String> keys = new TreeSet<>();
        written(workload, TypeFactory.defaultInstance().constructType(Workload.class), "", keys);
        return keys;
    }

    private static void written(JsonNode node, JavaType type, String path, Set<String> keys) {
        if (node.isArray() && type != null && type.isCollectionLikeType()) {
            node.forEach(item -> written(item, type.getContentType(), path + "[]", keys));
        } else if (node.isObject() && type != null && !type.isMapLikeType()) {
            Map<String, JavaType> accepted = WorkloadFile.keys(type.getRawClass());
            node.fieldNames().forEachRemaining(key -> {
                keys.add(child(path, key));
                written(node.get(key), accepted.get(key), child(path, key), keys);
            });
        }
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}

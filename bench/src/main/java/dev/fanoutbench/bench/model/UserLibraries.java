package dev.fanoutbench.bench.model;

import dev.fanoutbench.spi.Exchange;
import dev.fanoutbench.spi.HttpLibrary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Libraries a user put on the classpath ({@link HttpLibrary} through {@link ServiceLoader}), found
 * once per JVM. Each is created once here to read its name, then once per model that runs it.
 */
final class UserLibraries {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private UserLibraries() {}

    /** A user's library on the classpath: how to make one, and whether it runs as the async model. */
    record Found(String name, ServiceLoader.Provider<HttpLibrary> provider, boolean async) {
        HttpLibrary create() {
            return provider.get();
        }
    }

    /** Every user library on the classpath, by name. @throws IllegalStateException naming a broken one */
    static Map<String, Found> all() {
        return Holder.FOUND;
    }

    private static final class Holder {
        static final Map<String, Found> FOUND = discover();
    }

    private static Map<String, Found> discover() {
        Map<String, Found> found = new LinkedHashMap<>();
        List<ServiceLoader.Provider<HttpLibrary>> providers;
        try {
            providers = ServiceLoader.load(HttpLibrary.class).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a client library on the classpath cannot be loaded: " + e.getMessage(), e);
        }
        for (ServiceLoader.Provider<HttpLibrary> provider : providers) {
            String name;
            try (HttpLibrary probe = provider.get()) {
                name = probe.name();
            } catch (RuntimeException | ServiceConfigurationError e) {
                throw new IllegalStateException(
                        "client library " + provider.type().getName() + " cannot be created: " + e.getMessage(), e);
            }
            String problem = problem(name, found);
            if (problem != null) {
                throw new IllegalStateException(
                        "client library " + provider.type().getName() + ": " + problem);
            }
            found.put(name, new Found(name, provider, overridesCallAsync(provider.type())));
        }
        return Map.copyOf(found);
    }

    private static String problem(String name, Map<String, Found> found) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "its name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'";
        }
        if (Library.ids().contains(name) || found.containsKey(name)) {
            return "its name '" + name + "' is taken by another library";
        }
        return null;
    }

    private static boolean overridesCallAsync(Class<? extends HttpLibrary> type) {
        try {
            return type.getMethod("callAsync", Exchange.class).getDeclaringClass() != HttpLibrary.class;
        } catch (NoSuchMethodException impossible) {
            return false;
        }
    }
}

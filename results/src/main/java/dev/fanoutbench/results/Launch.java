package dev.fanoutbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Manifest;

/**
 * The main class of the tools' jars. Compiled for Java 17, so that on a machine whose default
 * {@code java} is 17 a user who runs {@code java -jar bench.jar} gets one line saying which Java it
 * needs and how to run it, instead of an {@code UnsupportedClassVersionError}. On 21 or newer it
 * hands over to the tool's own main class, named in the jar's manifest ({@value #TARGET}).
 */
public final class Launch {

    static final String TARGET = "Launch-Main-Class";
    static final int NEEDED = 21;

    private Launch() {}

    public static void main(String[] args) throws Throwable {
        String target = target();
        String tool = target == null ? "this tool" : target.substring(target.lastIndexOf('.') + 1);
        if (Runtime.version().feature() < NEEDED) {
            System.err.println("fanout-bench: " + tool + " needs Java " + NEEDED + " or newer; this is Java "
                    + Runtime.version() + " (" + System.getProperty("java.home") + "). Run it with a JDK " + NEEDED
                    + "+ (scripts/scenario.sh and scripts/report.sh find one), or set JAVA_HOME.");
            System.exit(Cli.BAD_INPUT);
        }
        if (target == null) {
            System.err.println("fanout-bench: this jar names no " + TARGET + " in its manifest");
            System.exit(1);
        }
        try {
            Class.forName(target).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String target() throws IOException {
        Enumeration<URL> manifests = Launch.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                String target = new Manifest(in).getMainAttributes().getValue(TARGET);
                if (target != null) {
                    return target;
                }
            }
        }
        return null;
    }
}

package dev.fanoutbench.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The build's version, one for every command ({@code --version}), filtered in by Maven. */
public final class Version implements CommandLine.IVersionProvider {

    public static final String VALUE = read();

    @Override
    public String[] getVersion() {
        return new String[] {"fanout-bench ${COMMAND-NAME} " + VALUE};
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            Properties build = new Properties();
            if (in != null) {
                build.load(in);
            }
            return build.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

package dev.fanoutbench.reports;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lays a {@link ReportModel} out as one self-contained HTML file: the uPlot library and its CSS
 * are inlined from the WebJar, so the file opens offline from file://, and the template is
 * Handlebars (values are HTML-escaped unless the template says otherwise).
 */
public final class HtmlRenderer {

    static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private HtmlRenderer() {}

    public static void write(ReportModel model, Path file) {
        try {
            Template template = new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs")).compile("report");
            String html = template.apply(Map.of(
                    "model",
                    model,
                    "uplotJs",
                    resource(UPLOT + "uPlot.iife.min.js"),
                    "uplotCss",
                    resource(UPLOT + "uPlot.min.css"),
                    "chartsExpected",
                    ChartData.CHARTS_PER_SECTION * model.sections().size()
                            + model.sections().stream()
                                    .filter(ReportModel.Section::hasKnee)
                                    .count()));
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

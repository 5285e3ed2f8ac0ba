package dev.fanoutbench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A run's verdicts as JUnit XML, the format every CI shows as test results: a suite per kind of
 * verdict (self-checks, SLA rules, a comparison), a case per trial or rule, a failure where it failed.
 */
public final class JUnitReport {

    /** @param failure why it failed, or null when it passed */
    public record Case(String name, String failure, boolean skipped) {

        public static Case passed(String name) {
            return new Case(name, null, false);
        }

        public static Case failed(String name, String why) {
            return new Case(name, why, false);
        }
    }

    public record Suite(String name, List<Case> cases) {}

    private final List<Suite> suites = new ArrayList<>();

    public JUnitReport add(String suite, List<Case> cases) {
        suites.add(new Suite(suite, List.copyOf(cases)));
        return this;
    }

    /**
     * The self-checks of a run: a case per trial, failed with every failure that names it, and one for the run
     * itself.
     */
    public static List<Case> selfChecks(RunSummary summary) {
        List<Case> cases = new ArrayList<>();
        List<RunSummary.Failure> unclaimed = new ArrayList<>(summary.failures());
        for (RunSummary.Trial trial : summary.trials()) {
            List<String> mine = new ArrayList<>();
            for (RunSummary.Failure f : summary.failures()) {
                if (f.trial().equals(trial.label()) || f.trial().equals(trial.key())) {
                    mine.add(f.check() + ": " + f.text());
                    unclaimed.remove(f);
                }
            }
            cases.add(
                    mine.isEmpty() ? Case.passed(trial.label()) : Case.failed(trial.label(), String.join("; ", mine)));
        }
        cases.add(
                unclaimed.isEmpty()
                        ? Case.passed("run " + summary.runId())
                        : Case.failed(
                                "run " + summary.runId(),
                                String.join(
                                        "; ",
                                        unclaimed.stream()
                                                .map(f -> f.trial() + ": " + f.text())
                                                .toList())));
        return cases;
    }

    public static List<Case> sla(List<Sla.Result> results) {
        return results.stream()
                .map(r -> r.holds()
                        ? Case.passed(r.rule().text() + " :: " + r.trial())
                        : Case.failed(r.rule().text() + " :: " + r.trial(), r.describe()))
                .toList();
    }

    public void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "fanout-bench");
            xml.writeAttribute(
                    "tests",
                    Long.toString(
                            suites.stream().mapToLong(s -> s.cases().size()).sum()));
            xml.writeAttribute(
                    "failures",
                    Long.toString(suites.stream()
                            .flatMap(s -> s.cases().stream())
                            .filter(c -> c.failure() != null)
                            .count()));
            for (Suite suite : suites) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suite.name());
                xml.writeAttribute("tests", Integer.toString(suite.cases().size()));
                xml.writeAttribute(
                        "failures",
                        Long.toString(suite.cases().stream()
                                .filter(c -> c.failure() != null)
                                .count()));
                xml.writeAttribute(
                        "skipped",
                        Long.toString(
                                suite.cases().stream().filter(Case::skipped).count()));
                for (Case c : suite.cases()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("classname", "fanout-bench." + suite.name());
                    xml.writeAttribute("name", c.name());
                    if (c.failure() != null) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", c.failure());
                        xml.writeCharacters(c.failure());
                        xml.writeEndElement();
                    } else if (c.skipped()) {
                        xml.writeEmptyElement("skipped");
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}

package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * YAML read into a tree that remembers the line of every node and key, which Jackson's own trees
 * forget: every problem in a workload file is reported at its line.
 */
sealed interface YamlNode {

    /** 1-based. */
    int line();

    /** null, a Boolean, a Number or a String as YAML typed it; {@code text} as written. */
    record Scalar(Object value, String text, int line) implements YamlNode {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    record Mapping(List<Entry> entries, int line) implements YamlNode {
        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    record Entry(String key, int line, YamlNode value) {}

    /**
     * The document in {@code yaml}, or empty when it holds none (nothing but comments).
     *
     * @throws IllegalArgumentException one line, prefixed with {@code file}: malformed YAML, a
     *                                  duplicate key, more than one document
     */
    static Optional<YamlNode> parse(String yaml, String file) {
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            YamlNode root = read(parser, file, "");
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(file + ": holds more than one YAML document; a workload file holds one (line " + line(parser) + ")");
            }
            return Optional.of(root);
        } catch (StreamReadException e) {
            throw malformed(e, file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + firstLine(e.getMessage()), e);
        }
    }

    private static YamlNode read(JsonParser parser, String file, String path) throws IOException {
        int line = line(parser);
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias over as its anchor's name, which would pass for a value
            throw new IllegalArgumentException(file + ": " + (path.isEmpty() ? "the document" : path)
                    + " is an alias (*" + parser.getText() + "); write the value out (line " + line + ")");
        }
        switch (token) {
            case START_OBJECT -> {
                List<Entry> entries = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (entries.stream().anyMatch(e -> e.key().equals(key))) {
                        throw new IllegalArgumentException(file + ": " + child + " appears twice (line " + keyLine + ")");
                    }
                    parser.nextToken();
                    entries.add(new Entry(key, keyLine, read(parser, file, child)));
                }
                return new Mapping(List.copyOf(entries), line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, file, path + "[" + items.size() + "]"));
                }
                return new Sequence(List.copyOf(items), line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, "", line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Scalar(token == JsonToken.VALUE_TRUE, parser.getText(), line);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Scalar(parser.getNumberValue(), parser.getText(), line);
            }
            case VALUE_STRING -> {
                return new Scalar(parser.getText(), parser.getText(), line);
            }
            default -> throw new IllegalArgumentException(
                    file + ": " + (path.isEmpty() ? "the document" : path) + " holds YAML this format does not use (" + token + ") (line " + line + ")");
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** SnakeYAML's message spans lines with a caret; its problem and mark make one. */
    private static IllegalArgumentException malformed(StreamReadException e, String file) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
                String problem = marked.getProblem() != null ? marked.getProblem() : firstLine(marked.getMessage());
                String context = marked.getContext() != null ? marked.getContext() + ", " : "";
                return new IllegalArgumentException(
                        file + ": malformed YAML: " + oneLine(context + problem) + " (line " + (marked.getProblemMark().getLine() + 1) + ")", e);
            }
        }
        int line = e.getLocation() != null ? e.getLocation().getLineNr() : -1;
        return new IllegalArgumentException(file + ": malformed YAML: " + firstLine(e.getOriginalMessage()) + (line > 0 ? " (line " + line + ")" : ""), e);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}

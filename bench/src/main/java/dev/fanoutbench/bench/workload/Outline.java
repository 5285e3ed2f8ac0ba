package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The line, value and keys of every node of a workload file, read in a first pass, which turns
 * Jackson's exceptions into the one line a user reads: Jackson knows a problem's path but not
 * always its line (a record is built, and judged, at the end of its map). The first pass also
 * refuses what binding would let through: an alias (read as its anchor's name), a second document.
 */
final class Outline {

    /** {@code line} is its key's for a map's value; {@code value} as a message quotes it. */
    private record Node(int line, JsonToken token, String value, List<String> keys) {}

    private final String file;
    private final Map<String, Node> nodes = new HashMap<>();

    private Outline(String file) {
        this.file = file;
    }

    /** @throws IllegalArgumentException malformed YAML, a duplicate key, an alias, a second document, no document */
    static Outline of(String yaml, String file) {
        Outline outline = new Outline(file);
        try (JsonParser p = WorkloadFile.YAML.createParser(yaml)) {
            int keyLine = 0;
            for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                JsonStreamContext context =
                        token.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                String path = path(context);
                if (token == JsonToken.FIELD_NAME) {
                    outline.nodes.get(path(context.getParent())).keys().add(p.currentName());
                    keyLine = line;
                } else if (context.inRoot() && !outline.nodes.isEmpty() && !token.isStructEnd()) {
                    throw outline.at(line, "", "holds more than one YAML document; a workload file holds one");
                } else if (((YAMLParser) p).isCurrentAlias()) {
                    throw outline.at(line, path, "is an alias (*" + p.getText() + "); write the value out");
                } else if (!token.isStructEnd()) {
                    outline.nodes.put(
                            path, new Node(context.inObject() ? keyLine : line, token, describe(p), new ArrayList<>()));
                }
            }
        } catch (JsonProcessingException e) {
            throw outline.malformed(e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (outline.nodes.isEmpty()) {
            throw outline.at(1, "", "is empty; a workload needs at least request and load");
        }
        return outline;
    }

    /** The one line for the exception Jackson threw binding this file. */
    IllegalArgumentException problem(JsonProcessingException e) {
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference ref :
                e instanceof JsonMappingException m ? m.getPath() : List.<JsonMappingException.Reference>of()) {
            path.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        InvalidKey own = null;
        for (Throwable cause = e; cause != null && own == null; cause = cause.getCause()) {
            own = cause instanceof InvalidKey invalid ? invalid : null;
        }
        if (own != null && own.key != null) {
            path.addAll(List.of(own.key.split("\\.|(?=\\[)")));
        }
        // Jackson's path skips a phase's kind, the one key of its item: load[1].rate is load[1].constant.rate
        for (int i = 1; i <= path.size(); i++) {
            Node item = nodes.get(join(path.subList(0, i)));
            if (isPhase(typeAt(path.subList(0, i)))
                    && item != null
                    && item.keys().size() == 1
                    && kinds().contains(item.keys().get(0))) {
                path.add(i, item.keys().get(0));
                break;
            }
        }
        // an unknown key is the first thing to fix, but Jackson reports it only after building (and judging) its record
        for (int i = 0; i <= path.size(); i++) {
            IllegalArgumentException unknown = unknownKey(path.subList(0, i));
            if (unknown != null) {
                return unknown;
            }
        }
        String at = join(path);
        Node node = nodes.get(at);
        if (node == null) {
            return at(
                    nodes.getOrDefault(join(path.subList(0, path.size() - 1)), nodes.get(""))
                            .line(),
                    at,
                    "is required");
        } else if (node.token() == JsonToken.VALUE_NULL) {
            return at(node.line(), at, "has no value");
        } else if (own != null) {
            return at(node.line(), at, own.problem);
        } else if (isPhase(typeAt(path)) && node.token() == JsonToken.START_OBJECT) {
            return at(
                    node.line(),
                    at,
                    "must have exactly one key of " + String.join(", ", kinds()) + ", got "
                            + (node.keys().isEmpty()
                                    ? "none"
                                    : node.keys().size() + " (" + String.join(", ", node.keys()) + ")"));
        } else if (e.getCause() instanceof InputCoercionException) {
            return at(node.line(), at, "is out of range, got " + node.value());
        }
        return at(
                node.line(), at, "must be " + expected(path.isEmpty() ? null : typeAt(path)) + ", got " + node.value());
    }

    private IllegalArgumentException unknownKey(List<String> path) {
        Node node = nodes.get(join(path));
        JavaType type = typeAt(path);
        List<String> allowed = type == null
                ? List.of()
                : List.copyOf(WorkloadFile.keys(type.getRawClass()).keySet());
        for (String key : node == null || allowed.isEmpty() ? List.<String>of() : node.keys()) {
            if (!allowed.contains(key)) {
                return new IllegalArgumentException(file + ": unknown key '" + key + "' "
                        + (path.isEmpty() ? "at the top level" : "in " + join(path)) + " (line "
                        + nodes.get(join(path) + (path.isEmpty() ? "" : ".") + key)
                                .line() + "; allowed: " + String.join(", ", allowed) + ")");
            }
        }
        return null;
    }

    /** What a value of {@code type} is, in words; null: the whole file. */
    private static String expected(JavaType type) {
        Class<?> c = type == null ? null : type.getRawClass();
        if (c == null) {
            return "a map of keys (name, request, load...)";
        } else if (c == String.class) {
            return "a single value (a number or a string)";
        } else if (c == int.class || c == long.class || c == Integer.class) {
            return "a whole number";
        } else if (c == double.class) {
            return "a number";
        } else if (c == boolean.class || c == Boolean.class) {
            return "true or false";
        } else if (c == Arrivals.class) {
            return "constant or poisson";
        } else if (type.isCollectionLikeType()) {
            return "a list";
        }
        return isPhase(type) ? "a map with one key of " + String.join(", ", kinds()) : "a map of keys";
    }

    /** The type a file's {@code path} is bound to, from {@link Workload} down; null past a value. */
    private static JavaType typeAt(List<String> path) {
        JavaType type = TypeFactory.defaultInstance().constructType(Workload.class);
        for (int i = 0; i < path.size() && type != null; i++) {
            type = type.isContainerType()
                    ? type.getContentType()
                    : WorkloadFile.keys(type.getRawClass()).get(path.get(i));
        }
        return type;
    }

    private static boolean isPhase(JavaType type) {
        return type != null && type.getRawClass() == Phase.class;
    }

    private static List<String> kinds() {
        return List.copyOf(WorkloadFile.keys(Phase.class).keySet());
    }

    private IllegalArgumentException at(int line, String path, String problem) {
        return new IllegalArgumentException(
                file + ": " + (path.isEmpty() ? "" : path + " ") + problem + " (line " + line + ")");
    }

    private IllegalArgumentException malformed(JsonProcessingException e) {
        int line = e.getLocation() != null ? e.getLocation().getLineNr() : -1;
        if (e.getOriginalMessage().startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser p) {
            // STRICT_DUPLICATE_DETECTION's exception: the parser stands on the second key
            return at(line, path(p.getParsingContext()), "appears twice");
        }
        String problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                // SnakeYAML's message spans lines with a caret; its context, problem and mark make one
                String context = marked.getContext() != null ? marked.getContext() + ", " : "";
                problem = (context + (marked.getProblem() != null ? marked.getProblem() : problem))
                        .replaceAll("\\s*\\R\\s*", " ");
                line = marked.getProblemMark().getLine() + 1;
                break;
            }
        }
        return new IllegalArgumentException(
                file + ": malformed YAML: " + problem + (line > 0 ? " (line " + line + ")" : ""), e);
    }

    /** The path to the value {@code context} stands on: {@code load[1].constant.rate}. */
    private static String path(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = path(context.getParent());
        String name = context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName();
        return join(name == null ? List.of(parent) : List.of(parent, name));
    }

    private static String join(List<String> path) {
        StringBuilder joined = new StringBuilder();
        for (String segment : path) {
            joined.append(joined.isEmpty() || segment.isEmpty() || segment.startsWith("[") ? "" : ".")
                    .append(segment);
        }
        return joined.toString();
    }

    /** A value as a message quotes it: -5, 'fast', a list, nothing. */
    static String describe(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            case VALUE_STRING -> "'" + p.getText() + "'";
            default -> p.getText();
        };
    }

    /** As {@link #describe(JsonParser)}, for a value Jackson read untyped. */
    static String describe(Object value) {
        return value instanceof Map
                ? "a map"
                : value instanceof List
                        ? "a list"
                        : value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}

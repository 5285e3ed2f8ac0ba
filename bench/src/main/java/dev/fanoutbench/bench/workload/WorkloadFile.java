package dev.fanoutbench.bench.workload;

import dev.fanoutbench.bench.model.ModelKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a workload file: YAML with the keys {@code name} (default: the file's name),
 * {@code description}, {@code request} ({@code method path query headers bodyBytes timeout
 * success: {status, echoId}}), {@code load} (a list of {@code closed}, {@code constant},
 * {@code ramp} and {@code steps} phases), {@code warmup}, {@code models}, {@code threadPoolSize},
 * {@code slo: {p99, errors}}, {@code health}, {@code maxInFlight} and {@code stopAfterBreaches};
 * {@code workloads/} holds examples.
 *
 * <p>Every problem, from a missing file to an unknown key, is an {@link IllegalArgumentException}
 * whose message is one line naming the file as given, the key path and the line:
 * {@code workloads/knee.yaml: load[1].constant.rate must be positive, got -5 (line 12)}.
 */
public final class WorkloadFile {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern STATUS_RANGE = Pattern.compile("(\\d{3})\\s*-\\s*(\\d{3})");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_CONCURRENCY = 10_000;

    private WorkloadFile() {}

    /** The workload in {@code file}; messages name the file as given. */
    public static Workload read(Path file) {
        String label = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(label + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(label + ": is not UTF-8 text", e);
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a directory, not a workload file" : "cannot be read: " + e.getMessage();
            throw new IllegalArgumentException(label + ": " + why, e);
        }
        Path fileName = file.getFileName();
        return parse(yaml, label, fileName == null ? label : fileName.toString());
    }

    /**
     * The workload in {@code yaml}, as if read from a file named {@code file}, whose name without
     * extension is the workload's default name.
     */
    public static Workload parse(String yaml, String file) {
        return parse(yaml, file, Path.of(file).getFileName().toString());
    }

    private static Workload parse(String yaml, String label, String fileName) {
        YamlNode node = YamlNode.parse(yaml, label).orElseThrow(
                () -> new IllegalArgumentException(label + ": is empty; a workload needs at least request and load (line 1)"));
        Field root = Field.root(label, node);
        if (!root.isMapping()) {
            throw root.problem("must be a map of keys (name, request, load...), got " + root.describe());
        }
        root.keys("name", "description", "request", "load", "warmup", "models", "threadPoolSize", "slo", "health", "maxInFlight",
                "stopAfterBreaches");

        String name = root.optional("name").map(f -> {
            String text = f.text();
            if (!NAME.matcher(text).matches()) {
                throw f.problem("must be lower-case letters, digits and '-', got '" + text + "'");
            }
            return text;
        }).orElseGet(() -> {
            String defaulted = fileName.replaceFirst("\\.[^.]*$", "");
            if (!NAME.matcher(defaulted).matches()) {
                throw root.problem("name is missing and the file's name '" + defaulted + "' is not lower-case letters, digits and '-': add a name key");
            }
            return defaulted;
        });
        String description = root.optional("description").map(Field::text).orElse("");
        RequestSpec request = request(root.required("request"));
        List<Phase> load = load(root.required("load"));
        Duration warmup = root.optional("warmup").map(f -> f.duration(true, "ms", "s", "m")).orElse(Duration.ZERO);
        List<ModelKind> models = root.optional("models").map(WorkloadFile::models).orElse(Workload.DEFAULT_MODELS);
        int threadPoolSize = root.optional("threadPoolSize").map(f -> (int) f.whole(1, Workload.MAX_THREAD_POOL_SIZE))
                .orElse(Workload.DEFAULT_THREAD_POOL_SIZE);
        Slo slo = root.optional("slo").map(WorkloadFile::slo).orElse(null);
        String health = root.optional("health").map(WorkloadFile::path).orElse(null);
        int maxInFlight = root.optional("maxInFlight").map(f -> (int) f.whole(1, Workload.MAX_IN_FLIGHT)).orElse(0);
        int stopAfterBreaches = root.optional("stopAfterBreaches").map(f -> (int) f.whole(0, 1_000))
                .orElse(Workload.DEFAULT_STOP_AFTER_BREACHES);
        return new Workload(name, description, request, load, warmup, models, threadPoolSize, slo, health, maxInFlight,
                stopAfterBreaches);
    }

    private static RequestSpec request(Field request) {
        request.keys("method", "path", "query", "headers", "bodyBytes", "timeout", "success");
        String method = request.optional("method").map(f -> f.oneOf("GET", "POST")).orElse("GET");
        String path = path(request.required("path"));

        Map<String, String> query = new LinkedHashMap<>();
        request.optional("query").ifPresent(f -> {
            for (String key : f.keysInOrder()) {
                query.put(key, f.required(key).text());
            }
        });
        Map<String, String> headers = new LinkedHashMap<>();
        request.optional("headers").ifPresent(f -> {
            for (String key : f.keysInOrder()) {
                Field value = f.required(key);
                if (!HEADER_NAME.matcher(key).matches()) {
                    throw value.problem("is not a valid header name");
                }
                headers.put(key, value.text());
            }
        });

        int bodyBytes = request.optional("bodyBytes").map(f -> {
            long bytes = f.whole(0, Long.MAX_VALUE);
            if (bytes > RequestSpec.MAX_BODY_BYTES) {
                throw f.problem("must be at most " + RequestSpec.MAX_BODY_BYTES + " (10 MiB, the stub's cap), got " + bytes);
            }
            if (bytes > 0 && method.equals("GET")) {
                throw f.problem("must be 0 for GET (a body needs method: POST), got " + bytes);
            }
            return (int) bytes;
        }).orElse(0);
        Duration timeout = request.optional("timeout").map(f -> f.duration(false, "ms", "s", "m")).orElse(RequestSpec.DEFAULT_TIMEOUT);

        int[] status = {200, 299};
        boolean echoId = true;
        Optional<Field> success = request.optional("success");
        if (success.isPresent()) {
            Field s = success.get().keys("status", "echoId");
            s.optional("status").ifPresent(f -> {
                int[] range = status(f);
                status[0] = range[0];
                status[1] = range[1];
            });
            echoId = s.optional("echoId").map(Field::bool).orElse(true);
        }
        return new RequestSpec(method, path, query, headers, bodyBytes, timeout, status[0], status[1], echoId);
    }

    /** A path, perhaps with a query, that makes a URI on any base. */
    private static String path(Field f) {
        String path = f.string();
        if (!path.startsWith("/")) {
            throw f.problem("must start with '/', got '" + path + "'");
        }
        try {
            new URI("http://host" + path.replace("{id}", "0"));
        } catch (URISyntaxException e) {
            throw f.problem("is not a valid URI path: " + e.getReason() + ", got '" + path + "'");
        }
        return path;
    }

    private static int[] status(Field f) {
        String text = f.text().strip();
        Matcher range = STATUS_RANGE.matcher(text);
        int from;
        int to;
        if (range.matches()) {
            from = Integer.parseInt(range.group(1));
            to = Integer.parseInt(range.group(2));
        } else if (text.matches("\\d{3}")) {
            from = to = Integer.parseInt(text);
        } else {
            throw f.problem("must be a status like 200 or a range like 200-299, got " + f.describe());
        }
        if (from < 100 || to > 599) {
            throw f.problem("must be HTTP statuses within 100-599, got " + text);
        }
        if (from > to) {
            throw f.problem("is an empty range, got " + text);
        }
        return new int[] {from, to};
    }

    private static List<Phase> load(Field load) {
        List<Field> items = load.items();
        if (items.isEmpty()) {
            throw load.problem("must list at least one phase (closed, constant, ramp or steps)");
        }
        List<Phase> phases = new ArrayList<>();
        for (Field item : items) {
            phases.add(phase(item));
        }
        return phases;
    }

    private static Phase phase(Field item) {
        String kinds = "closed, constant, ramp, steps";
        if (!item.isMapping()) {
            throw item.problem("must be a map with one key of " + kinds + ", got " + item.describe());
        }
        item.keys("closed", "constant", "ramp", "steps");
        List<String> keys = item.keysInOrder();
        if (keys.size() != 1) {
            throw item.problem("must have exactly one key of " + kinds + ", got "
                    + (keys.isEmpty() ? "none" : keys.size() + " (" + String.join(", ", keys) + ")"));
        }
        String kind = keys.get(0);
        Field body = item.required(kind);
        return switch (kind) {
            case "closed" -> closed(body.keys("concurrency", "count", "duration"));
            case "constant" -> {
                body.keys("rate", "duration", "arrivals");
                yield new Phase.Constant(body.required("rate").rate(), duration(body, "duration"), arrivals(body));
            }
            case "ramp" -> {
                body.keys("from", "to", "duration", "arrivals");
                yield new Phase.Ramp(body.required("from").rate(), body.required("to").rate(), duration(body, "duration"), arrivals(body));
            }
            default -> steps(body.keys("from", "to", "step", "stepDuration", "arrivals"));
        };
    }

    private static Phase closed(Field body) {
        int concurrency = (int) body.required("concurrency").whole(1, MAX_CONCURRENCY);
        Optional<Field> count = body.optional("count");
        Optional<Field> duration = body.optional("duration");
        if (count.isPresent() == duration.isPresent()) {
            throw body.problem("must have exactly one of count and duration, got " + (count.isPresent() ? "both" : "neither"));
        }
        return count.isPresent()
                ? new Phase.Closed(concurrency, count.get().whole(1, Long.MAX_VALUE), null)
                : new Phase.Closed(concurrency, 0, duration.get().duration(false, "ms", "s", "m"));
    }

    private static Phase steps(Field body) {
        double from = body.required("from").rate();
        Field toField = body.required("to");
        double to = toField.rate();
        if (to < from) {
            throw toField.problem("must be at least from (" + Window.rate(from) + "), got " + toField.text());
        }
        Field stepField = body.required("step");
        double step = stepField.rate();
        if (Phase.Steps.count(from, to, step) > Phase.Steps.MAX_STEPS) {
            throw stepField.problem("makes more than " + Phase.Steps.MAX_STEPS + " steps from " + Window.rate(from) + " to " + Window.rate(to)
                    + ", got " + stepField.text());
        }
        return new Phase.Steps(from, to, step, duration(body, "stepDuration"), arrivals(body));
    }

    private static Duration duration(Field body, String key) {
        return body.required(key).duration(false, "ms", "s", "m");
    }

    private static Arrivals arrivals(Field body) {
        return body.optional("arrivals").map(f -> f.oneOf("constant", "poisson").equals("poisson") ? Arrivals.POISSON : Arrivals.CONSTANT)
                .orElse(Arrivals.CONSTANT);
    }

    private static List<ModelKind> models(Field f) {
        List<Field> items = f.items();
        if (items.isEmpty()) {
            throw f.problem("must name at least one model; known: " + String.join(", ", ModelKind.ids()));
        }
        List<ModelKind> models = new ArrayList<>();
        for (Field item : items) {
            String id = item.text();
            ModelKind kind = ModelKind.ids().contains(id) ? ModelKind.named(id) : null;
            if (kind == null) {
                throw item.problem("is not a known model: '" + id + "'; known: " + String.join(", ", ModelKind.ids()));
            }
            if (models.contains(kind)) {
                throw item.problem("names '" + id + "' a second time");
            }
            models.add(kind);
        }
        return models;
    }

    private static Slo slo(Field f) {
        f.keys("p99", "errors");
        return new Slo(f.required("p99").duration(false, "ms", "s"), f.required("errors").percentage());
    }
}

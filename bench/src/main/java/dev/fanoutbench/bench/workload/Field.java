package dev.fanoutbench.bench.workload;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of a workload file at its key path ({@code load[1].constant.rate}) and line, read as the
 * type a key needs; every problem is one line: {@code <file>: <path> <problem> (line N)}.
 */
final class Field {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");
    private static final Map<String, Long> NANOS_PER = Map.of("ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L);
    private static final Pattern PERCENTAGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    private final String file;
    private final String path;
    private final YamlNode node;
    /** The key's line for a map's value: a null value or a missing child is reported where its key is. */
    private final int line;

    private Field(String file, String path, YamlNode node, int line) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.line = line;
    }

    static Field root(String file, YamlNode node) {
        return new Field(file, "", node, node.line());
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    IllegalArgumentException problem(String problem) {
        return new IllegalArgumentException(file + ": " + (path.isEmpty() ? "" : path + " ") + problem + " (line " + line + ")");
    }

    // --- maps and lists

    /** This as a map whose keys are all in {@code allowed}. */
    Field keys(String... allowed) {
        YamlNode.Mapping mapping = mapping();
        List<String> known = List.of(allowed);
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!known.contains(entry.key())) {
                String where = path.isEmpty() ? "at the top level" : "in " + path;
                throw new IllegalArgumentException(file + ": unknown key '" + entry.key() + "' " + where
                        + " (line " + entry.line() + "; allowed: " + String.join(", ", known) + ")");
            }
        }
        return this;
    }

    /** The child under {@code key}, unless it is missing or has no value. */
    Optional<Field> optional(String key) {
        return mapping().entry(key)
                .filter(e -> !(e.value() instanceof YamlNode.Scalar s && s.value() == null))
                .map(e -> new Field(file, child(key), e.value(), e.line()));
    }

    Field required(String key) {
        YamlNode.Entry entry = mapping().entry(key)
                .orElseThrow(() -> new IllegalArgumentException(file + ": " + child(key) + " is required (line " + line + ")"));
        Field field = new Field(file, child(key), entry.value(), entry.line());
        if (entry.value() instanceof YamlNode.Scalar s && s.value() == null) {
            throw field.problem("has no value");
        }
        return field;
    }

    List<String> keysInOrder() {
        return mapping().entries().stream().map(YamlNode.Entry::key).toList();
    }

    List<Field> items() {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw problem("must be a list, got " + describe());
        }
        List<Field> items = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            items.add(new Field(file, path + "[" + items.size() + "]", item, item.line()));
        }
        return items;
    }

    boolean isMapping() {
        return node instanceof YamlNode.Mapping;
    }

    private YamlNode.Mapping mapping() {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        throw problem("must be a map of keys, got " + describe());
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    // --- scalars

    /** Any scalar but null, as written: a query value may be a number or a string. */
    String text() {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return s.text();
        }
        throw problem("must be a single value (a number or a string), got " + describe());
    }

    String string() {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof String text) {
            return text;
        }
        throw problem("must be a string, got " + describe());
    }

    boolean bool() {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw problem("must be true or false, got " + describe());
    }

    /** One of {@code choices}, in any case; returned as the choice is spelled. */
    String oneOf(String... choices) {
        String text = string();
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(text)) {
                return choice;
            }
        }
        throw problem("must be " + or(choices) + ", got '" + text + "'");
    }

    long whole(long min, long max) {
        BigDecimal value = number();
        BigInteger whole;
        try {
            whole = value.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw problem("must be a whole number, got " + text());
        }
        if (whole.compareTo(BigInteger.valueOf(min)) < 0) {
            throw problem("must be at least " + min + ", got " + text());
        }
        if (whole.compareTo(BigInteger.valueOf(max)) > 0) {
            throw problem("must be at most " + max + ", got " + text());
        }
        return whole.longValueExact();
    }

    /** Requests a second: above 0, at most {@link Phase#MAX_RATE}. */
    double rate() {
        BigDecimal value = number();
        if (value.signum() <= 0) {
            throw problem("must be positive, got " + text());
        }
        if (value.compareTo(BigDecimal.valueOf(Phase.MAX_RATE)) > 0) {
            throw problem("must be at most " + (long) Phase.MAX_RATE + " req/s, got " + text());
        }
        return value.doubleValue();
    }

    /** A number and a unit among {@code units} (ms, s, m); zero only when {@code zeroAllowed}. */
    Duration duration(boolean zeroAllowed, String... units) {
        String like = "a duration like " + (List.of(units).contains("s") ? "5s" : "250ms") + " (units " + String.join(", ", units) + ")";
        if (!(node instanceof YamlNode.Scalar s) || s.value() == null) {
            throw problem("must be " + like + ", got " + describe());
        }
        Matcher m = DURATION.matcher(s.text().strip());
        if (!m.matches() || !List.of(units).contains(m.group(2))) {
            throw problem("must be " + like + ", got " + describe());
        }
        Duration duration;
        try {
            long nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS_PER.get(m.group(2))))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            duration = Duration.ofNanos(nanos);
        } catch (ArithmeticException e) {
            throw problem("is too long, got " + describe());
        }
        if (duration.isZero() && !zeroAllowed) {
            throw problem("must be positive, got " + describe());
        }
        return duration;
    }

    /** "N%" within 0%..100%, as a ratio: a bare 0.01 could mean 1% or 0.01%, so it is refused. */
    double percentage() {
        String text = node instanceof YamlNode.Scalar s && s.value() != null ? s.text().strip() : null;
        Matcher m = text == null ? null : PERCENTAGE.matcher(text);
        if (m == null || !m.matches()) {
            throw problem("must be a percentage like 1%, got " + describe());
        }
        BigDecimal percent = new BigDecimal(m.group(1));
        if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw problem("must be within 0%..100%, got " + text);
        }
        return percent.movePointLeft(2).doubleValue();
    }

    private BigDecimal number() {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof Number number) {
            if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw problem("must be a finite number, got " + s.text());
            }
            return number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
        }
        throw problem("must be a number, got " + describe());
    }

    /** The value as a message quotes it: -5, 'fast', a list, nothing. */
    String describe() {
        return switch (node) {
            case YamlNode.Mapping m -> "a map";
            case YamlNode.Sequence q -> "a list";
            case YamlNode.Scalar s when s.value() == null -> "nothing";
            case YamlNode.Scalar s when s.value() instanceof String text -> "'" + text + "'";
            case YamlNode.Scalar s -> s.text();
        };
    }

    static String or(String... choices) {
        int last = choices.length - 1;
        return last == 0 ? choices[0] : String.join(", ", List.of(choices).subList(0, last)) + " or " + choices[last];
    }
}

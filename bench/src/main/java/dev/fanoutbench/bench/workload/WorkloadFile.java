package dev.fanoutbench.bench.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a workload file: YAML bound by Jackson into {@link Workload} and the records under it,
 * whose constructors hold the rules; {@code docs/workloads.md} lists the keys and
 * {@code workloads/schema.json} describes them for editors.
 *
 * <p>Every problem, from a missing file to an unknown key, is an {@link IllegalArgumentException}
 * whose message is one line naming the file as given, the key path and the line:
 * {@code workloads/knee.yaml: load[1].constant.rate must be positive, got -5 (line 12)}.
 */
public final class WorkloadFile {

    static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private static final ObjectMapper MAPPER = YAMLMapper.builder(YAML)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // '10' is no number, 1.5 no whole number and 1 no arrivals kind; 10 may be text (a query value)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addModule(new SimpleModule()
                    .addDeserializer(Duration.class, new DurationDeserializer(DurationDeserializer.UNITS)))
            .build();

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
            String why = Files.isDirectory(file)
                    ? "is a directory, not a workload file"
                    : "cannot be read: " + e.getMessage();
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
        Outline outline = Outline.of(yaml, label);
        try {
            return MAPPER.readerFor(Workload.class)
                    .with(new InjectableValues.Std().addValue(Workload.FILE_NAME, fileName))
                    .readValue(yaml);
        } catch (JsonProcessingException e) {
            throw outline.problem(e);
        }
    }

    /**
     * The keys a file may give a type, in the order the docs list them, with their types: a
     * wrapper's kinds, its {@code @JsonCreator}'s properties or a record's components; none for a
     * value written as one scalar (its creator takes that scalar).
     */
    static Map<String, JavaType> keys(Class<?> type) {
        Map<String, JavaType> keys = new LinkedHashMap<>();
        TypeFactory types = MAPPER.getTypeFactory();
        JsonSubTypes kinds = type.getAnnotation(JsonSubTypes.class);
        Optional<Method> creator = Stream.of(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(JsonCreator.class))
                .findFirst();
        if (kinds != null) {
            Stream.of(kinds.value()).forEach(kind -> keys.put(kind.name(), types.constructType(kind.value())));
        } else if (creator.isPresent()) {
            Stream.of(creator.get().getParameters())
                    .filter(p -> p.isAnnotationPresent(JsonProperty.class))
                    .forEach(p -> keys.put(
                            p.getAnnotation(JsonProperty.class).value(),
                            types.constructType(p.getParameterizedType())));
        } else if (type.isRecord()) {
            Stream.of(type.getRecordComponents())
                    .forEach(c -> keys.put(c.getName(), types.constructType(c.getGenericType())));
        }
        return keys;
    }
}

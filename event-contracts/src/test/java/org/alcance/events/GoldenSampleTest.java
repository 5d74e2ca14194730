package org.alcance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.alcance.events.campaign.ProgressReported;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The compatibility guard: every catalogued type has a golden payload, and the current records read it and write
 * it back unchanged. Renaming, dropping or retyping a field fails here; such a change needs a new type version.
 */
class GoldenSampleTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper mapper = codec.mapper();

    static Set<String> types() {
        return EventTypes.all();
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenSampleShouldExist(String type) {
        assertThat(GoldenSamples.exists(type)).as("golden sample %s", GoldenSamples.resource(type)).isTrue();
    }

    @Test
    void everyGoldenSampleShouldBelongToACataloguedType() throws Exception {
        Path dir = Path.of(GoldenSampleTest.class.getResource("/golden").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).isNotEmpty().allSatisfy(name -> {
                assertThat(name).endsWith(".json");
                assertThat(EventTypes.all()).contains(name.substring(0, name.length() - ".json".length()));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenSampleShouldReadIntoItsType(String type) {
        DomainEvent event = codec.read(type, GoldenSamples.bytes(type));

        assertThat(event).isInstanceOf(EventTypes.classOf(type));
        if (!EventTypes.earlier().contains(type)) {
            assertThat(EventTypes.typeOf(event)).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void rewritingTheGoldenSampleShouldYieldTheSameJson(String type) {
        byte[] golden = GoldenSamples.bytes(type);

        byte[] rewritten = codec.write(codec.read(type, golden));

        if (EventTypes.earlier().contains(type)) { // written as the current version now, which may hold less
            assertThat(mapper.readTree(golden)).as("the earlier sample holds all the rewrite does, unchanged")
                    .isEqualTo(withFieldsOf(mapper.readTree(golden), mapper.readTree(rewritten)));
        } else {
            assertThat(mapper.readTree(rewritten)).isEqualTo(mapper.readTree(golden));
        }
    }

    /** {@code base} with every top-level field of {@code fields} put over it. */
    private static JsonNode withFieldsOf(JsonNode base, JsonNode fields) {
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        fields.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }

    @ParameterizedTest
    @MethodSource("types")
    void goldenSampleShouldFillEveryFieldIncludingOptionalOnes(String type) {
        List<String> gaps = new ArrayList<>();
        collectGaps(mapper.readTree(GoldenSamples.bytes(type)), "$", gaps);
        assertThat(gaps).as("null or empty values in the golden sample").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void unknownFieldsAtAnyLevelShouldBeIgnored(String type) {
        byte[] golden = GoldenSamples.bytes(type);
        JsonNode extended = mapper.readTree(golden);
        int added = addUnknownFields(extended, EventTypes.classOf(type));

        DomainEvent read = codec.read(type, mapper.writeValueAsBytes(extended));

        assertThat(added).isPositive();
        assertThat(read).isEqualTo(codec.read(type, golden));
    }

    @Test
    void unknownFieldsShouldReachNestedRecords() {
        // checks the helper above: top level, place and both reach entries
        JsonNode tree = mapper.readTree(GoldenSamples.bytes(ProgressReported.TYPE));
        assertThat(addUnknownFields(tree, ProgressReported.class)).isEqualTo(4);
        assertThat(tree.get("reach").get(1).has("addedLater")).isTrue();
        assertThat(tree.get("place").has("addedLater")).isTrue();
        assertThat(tree.get("materials").has("addedLater")).isFalse();
    }

    /** Adds unknown fields to every JSON object that maps to a record (maps are left alone: any key is data). */
    private static int addUnknownFields(JsonNode node, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        int added = 0;
        if (raw.isRecord() && node instanceof ObjectNode object) {
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode child = object.get(component.getName());
                if (child != null) {
                    added += addUnknownFields(child, component.getGenericType());
                }
            }
            object.put("addedLater", "a field from a newer producer");
            object.putObject("addedLaterObject").putArray("items").add(1).add("two");
            added++;
        } else if (List.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            Type element = p.getActualTypeArguments()[0];
            for (JsonNode child : node) {
                added += addUnknownFields(child, element);
            }
        }
        return added;
    }

    private static void collectGaps(JsonNode node, String path, List<String> gaps) {
        if (node.isNull() || (node.isContainer() && node.isEmpty())) {
            gaps.add(path);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectGaps(field.getValue(), path + "." + field.getKey(), gaps);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectGaps(node.get(i), path + "[" + i + "]", gaps);
            }
        }
    }
}

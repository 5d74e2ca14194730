package org.alcance.training;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.alcance.events.CloudEvent;
import org.alcance.events.Topics;
import org.alcance.test.TestInfrastructure;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

/** What the training topic holds, read as an outside consumer would. */
final class Published {

    private Published() {
    }

    /** The events of one course, once at least {@code count} of them are there. */
    static List<CloudEvent> ofCourse(String courseId, int count, Duration timeout) {
        return TopicRecords.readUntil(Topics.TRAINING_EVENTS,
                        read -> read.stream().filter(r -> courseId.equals(r.key())).count() >= count, timeout)
                .stream().filter(r -> courseId.equals(r.key())).map(Published::event).toList();
    }

    /** Every record the topic holds now. */
    static List<ConsumerRecord<String, byte[]>> everything() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafka().bootstrapServers());
        long total;
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRAINING_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            total = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
        return TopicRecords.readUntil(Topics.TRAINING_EVENTS, read -> read.size() >= total, Duration.ofSeconds(60));
    }

    static CloudEvent event(ConsumerRecord<String, byte[]> record) {
        return CloudEvent.fromHeaders(header -> {
            var found = record.headers().lastHeader(header);
            return found == null ? null : found.value();
        }, record.value());
    }

    /** Every path of a JSON object's fields, arrays read through their first element. */
    static TreeSet<String> paths(JsonNode json) {
        TreeSet<String> paths = new TreeSet<>();
        collect(json, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, TreeSet<String> paths) {
        JsonNode item = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (!item.isObject()) {
            return;
        }
        item.properties().forEach(field -> {
            paths.add(prefix + field.getKey());
            collect(field.getValue(), prefix + field.getKey() + "/", paths);
        });
    }
}

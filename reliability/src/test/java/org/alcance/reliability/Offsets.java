package org.alcance.reliability;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.alcance.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Where reporting's consumer group stands on the two event topics, as Kafka's admin API tells it. */
final class Offsets {

    /** Generation 1's consumer group (reporting-service's application.yml). */
    static final String GROUP = "alcance-reporting";
    static final List<String> TOPICS = List.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS);

    private Offsets() {
    }

    /** The earliest or latest offset of every partition of both topics. */
    static Map<TopicPartition, Long> of(Admin admin, OffsetSpec spec) throws Exception {
        return of(admin, TOPICS, spec);
    }

    /** The earliest or latest offset of every partition of {@code topics}. */
    static Map<TopicPartition, Long> of(Admin admin, Collection<String> topics, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (var description : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(p -> request.put(new TopicPartition(description.name(), p.partition()), spec));
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The group's committed offsets on both topics. */
    static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
        Map<TopicPartition, Long> committed = new HashMap<>();
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .forEach((partition, offset) -> {
                    if (offset != null && TOPICS.contains(partition.topic())) {
                        committed.put(partition, offset.offset());
                    }
                });
        return committed;
    }

    /** Whether the group has committed up to {@code ends} everywhere. */
    static boolean caughtUp(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, Long> committed = committed(admin);
        return ends.entrySet().stream().allMatch(end -> committed.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}

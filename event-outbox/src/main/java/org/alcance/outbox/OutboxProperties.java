package org.alcance.outbox;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps the documents that carry pending events (each in an {@code outbox} array) and
 * where the relay publishes them.
 *
 * @param collections the MongoDB collections whose documents carry pending events, e.g. the campaigns and
 *     their progress updates
 * @param topic the Kafka topic, created with {@code partitions} and {@code replicas} if absent
 * @param source the CloudEvents {@code source} of the service's events
 */
@ConfigurationProperties("alcance.outbox")
public record OutboxProperties(List<String> collections, String topic, String source, Integer partitions,
        Short replicas) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        partitions = partitions == null ? org.alcance.events.Topics.DEFAULT_PARTITIONS : partitions;
        replicas = replicas == null ? 1 : replicas;
    }
}

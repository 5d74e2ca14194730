package org.alcance.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service keeps its aggregates (each document holding its pending events in an
 * {@code outbox} array) and where the relay publishes them.
 *
 * @param collection the MongoDB collection of the aggregates
 * @param topic the Kafka topic, created with {@code partitions} and {@code replicas} if absent
 * @param source the CloudEvents {@code source} of the service's events
 */
@ConfigurationProperties("alcance.outbox")
public record OutboxProperties(String collection, String topic, String source, Integer partitions, Short replicas) {

    public OutboxProperties {
        partitions = partitions == null ? org.alcance.events.Topics.DEFAULT_PARTITIONS : partitions;
        replicas = replicas == null ? 1 : replicas;
    }
}

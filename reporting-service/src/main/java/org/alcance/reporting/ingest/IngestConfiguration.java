package org.alcance.reporting.ingest;

import java.time.Duration;
import java.util.stream.Stream;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    // Declared here too, so that the consumer finds them even before a producer ran; an existing topic is left as is.
    @Bean
    KafkaAdmin.NewTopics topics(@Value("${alcance.topic.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
            @Value("${alcance.topic.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(Stream.concat(
                Stream.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS, IngestErrors.DEAD_LETTER_TOPIC)
                        .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build()),
                // a live signal between replicas, never read from its start: an hour is plenty
                Stream.of(TopicBuilder.name(ReplicaChanges.TOPIC).partitions(partitions).replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofHours(1).toMillis()))
                        .build())).toArray(NewTopic[]::new));
    }
}

package org.alcance.reporting.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** The container factory of {@link EventListeners}: Boot's settings, batch listeners, {@link IngestErrors}. */
    static final String FACTORY = "ingestContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> ingestContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer boot, ConsumerFactory<Object, Object> consumers,
            KafkaOperations<?, ?> kafka, MeterRegistry meters,
            @Value("${alcance.reporting.ingest.concurrency:2}") int concurrency,
            @Value("${alcance.reporting.ingest.retry-interval:500ms}") Duration retryInterval,
            @Value("${alcance.reporting.ingest.max-database-backoff:10s}") Duration maxDatabaseBackoff) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        boot.configure(factory, consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.setCommonErrorHandler(IngestErrors.handler(kafka, meters, retryInterval, maxDatabaseBackoff));
        return factory;
    }

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

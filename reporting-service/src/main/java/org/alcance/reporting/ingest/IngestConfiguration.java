package org.alcance.reporting.ingest;

import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    // Declared here too, so that the consumer finds them even before a producer ran; an existing topic is left as is.
    @Bean
    NewTopic campaignEventsTopic(@Value("${alcance.topic.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
            @Value("${alcance.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.CAMPAIGN_EVENTS).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    NewTopic trainingEventsTopic(@Value("${alcance.topic.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
            @Value("${alcance.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.TRAINING_EVENTS).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    NewTopic deadLetterTopic(@Value("${alcance.topic.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
            @Value("${alcance.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(IngestErrors.DEAD_LETTER_TOPIC).partitions(partitions).replicas(replicas).build();
    }
}

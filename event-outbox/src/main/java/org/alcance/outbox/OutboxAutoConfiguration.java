package org.alcance.outbox;

import java.time.Clock;
import org.alcance.events.EventCodec;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

/** The outbox of a service that sets {@code alcance.outbox.topic}. */
@AutoConfiguration
@ConditionalOnProperty("alcance.outbox.topic")
@EnableConfigurationProperties(OutboxProperties.class)
@Import({Outbox.class, OutboxRelay.class, LocalWrites.class})
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic outboxTopic(OutboxProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).replicas(properties.replicas())
                .build();
    }
}

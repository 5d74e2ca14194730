package org.alcance.campaign.messaging;

import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    OutboxRelay.RelaySettings relaySettings() {
        return new OutboxRelay.RelaySettings(Topics.CAMPAIGN_EVENTS, "/alcance/campaign-service");
    }

    @Bean
    NewTopic campaignEventsTopic(@Value("${alcance.topic.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions,
            @Value("${alcance.topic.replicas:1}") short replicas) {
        return TopicBuilder.name(Topics.CAMPAIGN_EVENTS).partitions(partitions).replicas(replicas).build();
    }
}

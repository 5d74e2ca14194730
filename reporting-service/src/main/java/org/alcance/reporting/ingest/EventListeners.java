package org.alcance.reporting.ingest;

import java.util.List;
import java.util.Map;
import org.alcance.events.Topics;
import org.alcance.reporting.generation.Generations;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.stereotype.Component;

/**
 * Reporting's consumer of the event topics and the generations it consumes into (docs/architecture.md,
 * "Reporting"). One listener method reads both topics, a poll's records at a time, and applies them into the
 * generation of the consumer group that fetched them. It has two containers: the live one consumes into the active
 * generation as its group; while a replay builds the next generation, the replay one runs the same method as that
 * generation's group, from the earliest offset. A container's group is set before it starts, since a generation's
 * group is known only once the pointer names it.
 */
@Component
public class EventListeners {

    private static final Logger log = LoggerFactory.getLogger(EventListeners.class);
    private static final String LIVE = "events";
    private static final String REPLAY = "events-replay";

    private final EventApplier applier;
    private final KafkaListenerEndpointRegistry registry;
    private final Generations generations;
    private final KafkaAdmin admin;

    EventListeners(EventApplier applier, KafkaListenerEndpointRegistry registry, Generations generations,
            KafkaAdmin admin) {
        this.applier = applier;
        this.registry = registry;
        this.generations = generations;
        this.admin = admin;
    }

    @KafkaListener(id = LIVE, topics = {Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS},
            containerFactory = IngestConfiguration.FACTORY, autoStartup = "false", idIsGroup = false)
    @KafkaListener(id = REPLAY, topics = {Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS},
            containerFactory = IngestConfiguration.FACTORY, autoStartup = "false", idIsGroup = false)
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        applier.apply(records, generations.of(KafkaUtils.getConsumerGroupId()));
    }

    /**
     * Consumes into {@code active} and, unless null, into {@code building}; stops consuming into any other
     * generation. The replay container stops first, so that when a rebuilt generation becomes active, the live one
     * takes its group over from the offsets the replay committed.
     */
    public synchronized void serve(long active, Long building) {
        if (building == null) {
            container(REPLAY).stop();
        } else {
            consume(REPLAY, building);
        }
        consume(LIVE, active);
    }

    private void consume(String id, long generation) {
        String group = generations.groupId(generation);
        MessageListenerContainer container = container(id);
        if (!container.isRunning() || !group.equals(container.getGroupId())) {
            container.stop();
            container.getContainerProperties().setGroupId(group);
            container.start();
            log.info("{} consumes into generation {} as group {}", id, generation, group);
        }
    }

    private MessageListenerContainer container(String id) {
        return registry.getListenerContainer(id);
    }

    /**
     * How many records this replica's consumers of the active generation are behind the end of their partitions,
     * as their last fetches measured it: the figures served from it are that far behind. Null until they fetched.
     */
    public Long recordsBehind() {
        MessageListenerContainer live = live();
        if (live == null) {
            return null;
        }
        Long behind = null;
        for (Map<MetricName, ? extends Metric> metrics : live.metrics().values()) {
            for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
                MetricName name = metric.getKey();
                if ("records-lag".equals(name.name()) && "consumer-fetch-manager-metrics".equals(name.group())
                        && name.tags().containsKey("partition")
                        && metric.getValue().metricValue() instanceof Number lag && !Double.isNaN(lag.doubleValue())) {
                    behind = (behind == null ? 0 : behind) + Math.max(0, lag.longValue());
                }
            }
        }
        return behind;
    }

    /**
     * Whether this replica's consumers of the active generation are assigned every partition of the event topics,
     * so that every event of that generation is applied here. Asks the broker for the topics' partitions.
     */
    public boolean consumesEveryPartition() {
        MessageListenerContainer live = live();
        if (live == null) {
            return false;
        }
        int partitions = admin.describeTopics(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS).values().stream()
                .mapToInt(topic -> topic.partitions().size()).sum();
        return live.getAssignedPartitions().size() == partitions;
    }

    /** The live container if it consumes into the active generation now, else null. */
    private MessageListenerContainer live() {
        MessageListenerContainer live = container(LIVE);
        return live.isRunning() && generations.groupId(generations.active()).equals(live.getGroupId()) ? live : null;
    }
}

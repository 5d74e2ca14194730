package org.alcance.reporting.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.alcance.events.Topics;
import org.alcance.reporting.generation.Generations;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * One listener container per generation that is being served or built, each consuming both event topics
 * with that generation's consumer group (from the earliest offset when the group is new) and writing to that
 * generation's collections, a poll's records at a time.
 */
@Component
public class IngestContainers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestContainers.class);

    private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;
    private final EventApplier applier;
    private final Generations generations;
    private final CommonErrorHandler errors;
    private final KafkaAdmin admin;
    private final int concurrency;
    private final Map<Long, ConcurrentMessageListenerContainer<Object, Object>> running = new ConcurrentHashMap<>();

    IngestContainers(ConcurrentKafkaListenerContainerFactory<Object, Object> factory, EventApplier applier,
            Generations generations, KafkaOperations<?, ?> kafka, KafkaAdmin admin, MeterRegistry meters,
            @Value("${alcance.reporting.ingest.concurrency:2}") int concurrency,
            @Value("${alcance.reporting.ingest.retry-interval:500ms}") Duration retryInterval,
            @Value("${alcance.reporting.ingest.max-database-backoff:10s}") Duration maxDatabaseBackoff) {
        this.factory = factory;
        this.applier = applier;
        this.generations = generations;
        this.concurrency = concurrency;
        this.admin = admin;
        this.errors = IngestErrors.handler(kafka, meters, retryInterval, maxDatabaseBackoff);
    }

    /** Starts consuming into {@code generation} unless this replica already does. */
    public synchronized void ensureRunning(long generation) {
        if (running.containsKey(generation)) {
            return;
        }
        ConcurrentMessageListenerContainer<Object, Object> container = factory.createContainer(
                Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS);
        container.getContainerProperties().setGroupId(generations.groupId(generation));
        container.getContainerProperties().setMessageListener((BatchMessageListener<String, byte[]>) records ->
                applier.apply(records, generation));
        container.setCommonErrorHandler(errors);
        container.setConcurrency(concurrency);
        container.setBeanName("reporting-g" + generation);
        container.start();
        running.put(generation, container);
        log.info("Consuming into generation {} as group {}", generation, generations.groupId(generation));
    }

    /**
     * How many records this replica's consumers of {@code generation} are behind the end of their partitions, as
     * their last fetches measured it: the figures served from it are that far behind. Null until they fetched.
     */
    public Long recordsBehind(long generation) {
        ConcurrentMessageListenerContainer<Object, Object> container = running.get(generation);
        if (container == null) {
            return null;
        }
        Long behind = null;
        for (Map<MetricName, ? extends Metric> metrics : container.metrics().values()) {
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
     * Whether this replica's consumers of {@code generation} are assigned every partition of the event topics,
     * so that every event of that generation is applied here. Asks the broker for the topics' partitions.
     */
    public boolean consumesEveryPartition(long generation) {
        ConcurrentMessageListenerContainer<Object, Object> container = running.get(generation);
        if (container == null) {
            return false;
        }
        int partitions = admin.describeTopics(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS).values().stream()
                .mapToInt(topic -> topic.partitions().size()).sum();
        return container.getAssignedPartitions().size() == partitions;
    }

    /** Stops every container whose generation is not in {@code keep}. */
    public synchronized void stopAllExcept(Collection<Long> keep) {
        for (Long generation : Set.copyOf(running.keySet())) {
            if (!keep.contains(generation)) {
                running.remove(generation).stop();
                log.info("Stopped consuming into generation {}", generation);
            }
        }
    }

    public Set<Long> running() {
        return Set.copyOf(running.keySet());
    }

    @Override
    public synchronized void destroy() {
        running.values().forEach(ConcurrentMessageListenerContainer::stop);
        running.clear();
    }
}

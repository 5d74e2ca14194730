package org.alcance.reporting.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.ingest.FigureChanges.Change;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.Figures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the other replicas of reporting-service which read-model documents this one's consumers wrote, and
 * learns the same of theirs, so that each replica's figures and live stream follow a change applied anywhere
 * within a poll, not at its next reload (docs/architecture.md, "Reporting"). The feed is a topic of reporting's
 * own, not an event contract: a record names a document of the active generation and the change applied to it;
 * a replica that reads another's record reads that document again by id. Every replica reads every partition,
 * as a consumer group of its own that starts at the end and commits nothing; what it missed before that, its
 * load of the read models covers.
 */
@Component
class ReplicaChanges implements SmartLifecycle {

    static final String TOPIC = "alcance.reporting.changes.v1";
    private static final String REPLICA_HEADER = "replica";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ReplicaChanges.class);

    private final String replica = UUID.randomUUID().toString();
    private final byte[] replicaHeader = replica.getBytes(StandardCharsets.UTF_8);
    private final KafkaOperations<String, byte[]> kafka;
    private final ConcurrentKafkaListenerContainerFactory<Object, Object> factory;
    private final ReactiveMongoTemplate mongo;
    private final Generations generations;
    private final FigureChanges changes;
    private final JsonMapper json;
    private final Counter unsent;
    private volatile ConcurrentMessageListenerContainer<Object, Object> container;

    @SuppressWarnings("unchecked") // Boot's template is untyped; its serializers are String and byte[] (application.yml)
    ReplicaChanges(KafkaOperations<?, ?> kafka, ConcurrentKafkaListenerContainerFactory<Object, Object> factory,
            ReactiveMongoTemplate mongo, Generations generations, FigureChanges changes, JsonMapper json,
            MeterRegistry meters) {
        this.kafka = (KafkaOperations<String, byte[]>) kafka;
        this.factory = factory;
        this.mongo = mongo;
        this.generations = generations;
        this.changes = changes;
        this.json = json;
        this.unsent = Counter.builder("alcance.reporting.replica.changes.unsent")
                .description("Changes the other replicas were not told of (they see them at their next reload)")
                .register(meters);
    }

    /** One change of a document, as the feed carries it. */
    record Written(long generation, Change change) {
    }

    /** Tells the other replicas of a change this replica applied to the active generation. */
    void send(long generation, Change change) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, change.id(),
                json.writeValueAsBytes(new Written(generation, change)));
        record.headers().add(REPLICA_HEADER, replicaHeader);
        try {
            kafka.send(record).whenComplete((sent, failed) -> {
                if (failed != null) {
                    unsent.increment();
                }
            });
        } catch (RuntimeException e) { // the broker is unreachable: the figures must not wait for it
            unsent.increment();
        }
    }

    // Reads again the documents that other replicas changed, hands them to this replica's listeners (the
    // cache), then tells its live readers: in that order, so that a reader told of a change finds it here.
    private void received(List<ConsumerRecord<String, byte[]>> records) {
        long active = generations.active();
        List<Change> campaigns = new ArrayList<>();
        List<Change> courses = new ArrayList<>();
        List<Change> others = new ArrayList<>(); // periods, the schedule, the catalogue: read from MongoDB when asked for
        for (ConsumerRecord<String, byte[]> record : records) {
            Header from = record.headers().lastHeader(REPLICA_HEADER);
            if (from == null || replica.equals(new String(from.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            try {
                Written written = json.readValue(record.value(), Written.class);
                if (written.generation() == active) {
                    (switch (written.change().aggregate()) {
                        case "campaign" -> campaigns;
                        case "course" -> courses;
                        default -> others;
                    }).add(written.change());
                }
            } catch (RuntimeException e) {
                log.warn("Skipping a change record that is not one: {}", e.toString());
            }
        }
        try {
            reread(campaigns, Generations.campaigns(active), "journal", CampaignFigures.class,
                    figures -> changes.written(active, figures));
            reread(courses, Generations.courses(active), "participants", CourseFigures.class,
                    figures -> changes.written(active, figures));
            others.forEach(changes::publish);
        } catch (RuntimeException e) {
            log.warn("Could not read the documents other replicas changed; the next reload brings them: {}",
                    e.toString());
        }
    }

    private <T extends Figures> void reread(List<Change> changed, String collection, String detail, Class<T> type,
            Consumer<T> written) {
        if (changed.isEmpty()) {
            return;
        }
        Query query = Query.query(Criteria.where("_id").in(changed.stream().map(Change::id).distinct().toList()));
        query.fields().exclude(detail);
        Map<String, T> documents = mongo.find(query, type, collection).collectMap(Figures::id).block(TIMEOUT);
        documents.values().forEach(written);
        changed.forEach(changes::publish);
    }

    @Override
    public void start() {
        ConcurrentMessageListenerContainer<Object, Object> feed = factory.createContainer(TOPIC);
        feed.getContainerProperties().setGroupId("alcance-reporting-changes-" + replica);
        Properties latest = new Properties();
        latest.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        feed.getContainerProperties().setKafkaConsumerProperties(latest);
        feed.getContainerProperties().setAckMode(AckMode.MANUAL); // never acknowledged: nothing to commit
        feed.getContainerProperties().setMessageListener(
                (BatchMessageListener<String, byte[]>) this::received);
        feed.setBeanName("reporting-changes");
        feed.start();
        container = feed;
    }

    @Override
    public void stop() {
        ConcurrentMessageListenerContainer<Object, Object> feed = container;
        if (feed != null) {
            feed.stop();
            container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return container != null;
    }
}

package org.alcance.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.alcance.events.AudienceReach;
import org.alcance.events.AudienceTarget;
import org.alcance.events.CloudEvent;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressReported;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Events straight on the topics, as the write services publish them (the event contracts' codec, key = the
 * campaign id, gapless sequence), for B4's data; and B3's ceiling: the topics consumed raw and bulk-upserted.
 */
final class TopicLoad {

    static final String KAFKA = "localhost:9092";
    /** Every seeded update reaches this many people, so an office's reach tells how many of its updates count. */
    static final long PEOPLE = 3;

    private TopicLoad() {
    }

    /** Campaign {@code n} of the seeded ones: its id and office (one of {@code offices}, in turn). */
    static String campaign(int n) {
        return "seed-" + n;
    }

    static String office(int n, int offices) {
        return "S%02d".formatted(n % offices + 1);
    }

    /**
     * Creates campaigns {@code 0..campaigns-1} (sequence 1) when {@code from} is 0, and gives each the updates
     * {@code from+1..to}, each an update of its own at its first revision (sequence 1). All updates of a campaign fall in one month and channel, so that
     * its figures keep one cell however many updates it has.
     */
    static long seed(int campaigns, int offices, int from, int to) {
        EventCodec codec = new EventCodec();
        AtomicReference<Exception> failed = new AtomicReference<>();
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65_536),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int update = from; update <= to; update++) {
                for (int n = 0; n < campaigns; n++) {
                    String id = campaign(n);
                    String office = office(n, offices);
                    DomainEvent event = update == 0
                            ? new CampaignCreated(id, office, "Seeded campaign " + n, "Seeded by the benchmark",
                                    List.of("benchmark", "theme-" + n % 7), List.of("poster"), List.of(),
                                    List.of(new AudienceTarget("migrants", 1_000_000)), LocalDate.of(2002, 1, 1),
                                    LocalDate.of(2002, 12, 31), false)
                            : new ProgressReported(id, office, id + "-u" + update, LocalDate.of(2002, n % 12 + 1, 15),
                                    new Place("Tecun Uman", "San Marcos"), "poster", Map.of("posters", 10L),
                                    List.of(new AudienceReach("migrants", PEOPLE)), null);
                    CloudEvent cloudEvent = codec.toCloudEvent(event, UUID.randomUUID().toString(), "/alcance/bench",
                            Instant.now(), 1);
                    RecordHeaders headers = new RecordHeaders();
                    cloudEvent.headers().forEach(headers::add);
                    producer.send(new ProducerRecord<>(Topics.topicOf(event), null, id, cloudEvent.data(), headers),
                            (metadata, error) -> {
                                if (error != null) {
                                    failed.set(error);
                                }
                            });
                    sent++;
                }
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("Seeding failed: " + failed.get(), failed.get());
        }
        return sent;
    }

    /**
     * Reads both event topics from their beginning to their current end with a plain consumer, and for every
     * poll upserts one counter document per record key in one unordered bulk write to a scratch collection:
     * what a rebuild costs at least, without decoding or applying the events. Returns the records and seconds.
     */
    static Throughput ceiling() {
        try (MongoClient client = MongoClients.create(StoreCeiling.MONGODB);
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                     ConsumerConfig.GROUP_ID_CONFIG, "bench-ceiling-" + UUID.randomUUID(),
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            MongoCollection<Document> counters = client.getDatabase("bench").getCollection("ceiling");
            counters.drop();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long start = System.nanoTime();
            long records = 0;
            while (!reached(consumer, end)) {
                List<WriteModel<Document>> upserts = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    upserts.add(new UpdateOneModel<>(Filters.eq("_id", record.key()),
                            Updates.combine(Updates.inc("records", 1), Updates.max("offset", record.offset())),
                            new UpdateOptions().upsert(true)));
                }
                if (!upserts.isEmpty()) {
                    counters.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
                    records += upserts.size();
                }
            }
            Throughput ceiling = new Throughput(records, (System.nanoTime() - start) / 1e9);
            counters.drop();
            return ceiling;
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : end.keySet()) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }
}

package org.alcance.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.alcance.events.CloudEvent;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.test.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Produces CloudEvents records to the test broker as the campaign and training services do: key = aggregate
 * id, binary-mode headers, a gapless sequence per aggregate starting at 1. Also produces what they never
 * would (duplicates, broken records), to prove the consumer copes.
 */
public final class EventProducer implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private Instant clock = Instant.parse("2002-06-01T08:00:00.123Z");

    /** A record as produced, to send again. */
    public record Sent(String topic, String key, Map<String, byte[]> headers, byte[] value) {
    }

    /** Wraps the event with the aggregate's next sequence and an event time a minute after the previous one. */
    public CloudEvent envelope(DomainEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum);
        clock = clock.plusSeconds(60);
        return codec.toCloudEvent(event, UUID.randomUUID().toString(), "/alcance/test", clock, sequence);
    }

    public Sent send(DomainEvent event) {
        CloudEvent cloudEvent = envelope(event);
        return send(Topics.topicOf(event), event.aggregateId(), cloudEvent.headers(), cloudEvent.data());
    }

    public Sent send(String topic, String key, Map<String, byte[]> headers, byte[] value) {
        Sent record = new Sent(topic, key, headers, value);
        sendTogether(List.of(record));
        return record;
    }

    /** The record the event makes, with the aggregate's next sequence, to send later. */
    public Sent record(DomainEvent event) {
        CloudEvent cloudEvent = envelope(event);
        return new Sent(Topics.topicOf(event), event.aggregateId(), cloudEvent.headers(), cloudEvent.data());
    }

    /** Sends the records without waiting between them, so that a consumer gets those of a partition in one poll. */
    public void sendTogether(List<Sent> records) {
        List<Future<?>> acknowledged = new ArrayList<>();
        for (Sent record : records) {
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach(headers::add);
            acknowledged.add(producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    headers)));
        }
        try {
            for (Future<?> acknowledgement : acknowledged) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
        sent.addAll(records);
    }

    /** The partition of the topic that the producer puts the key on. */
    public int partitionOf(String topic, String key) {
        return Utils.toPositive(Utils.murmur2(utf8(key))) % producer.partitionsFor(topic).size();
    }

    public void sendAgain(Sent record) {
        send(record.topic(), record.key(), record.headers(), record.value());
    }

    /** The next sequence the aggregate would get, consumed without an event (e.g. for a broken record). */
    public long skipSequence(String aggregateId) {
        return sequences.merge(aggregateId, 1L, Long::sum);
    }

    public Instant lastTime() {
        return clock;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}

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
import org.alcance.events.EventTypes;
import org.alcance.events.Topics;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressEvent;
import org.alcance.events.campaign.ProgressReported;
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
 * id, binary-mode headers, a gapless sequence per aggregate starting at 1, except that a progress event has its
 * update as its subject and the update's revision as its sequence. Also produces progress events as version 1
 * (numbered in the campaign's sequence, as old topics hold them), and what the services never would
 * (duplicates, broken records), to prove the consumer copes.
 */
public final class EventProducer implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<List<String>, Long> revisions = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private Instant clock = Instant.parse("2002-06-01T08:00:00.123Z");

    /** A record as produced, to send again. */
    public record Sent(String topic, String key, Map<String, byte[]> headers, byte[] value) {
    }

    /**
     * Wraps the event with its subject's next sequence (the aggregate's, or a progress update's revision) and an
     * event time a minute after the previous one.
     */
    public CloudEvent envelope(DomainEvent event) {
        long sequence = event instanceof ProgressEvent progress ? revise(progress) : nextSequence(event);
        return codec.toCloudEvent(event, UUID.randomUUID().toString(), "/alcance/test", tick(), sequence);
    }

    /** Wraps a progress event as version 1 did: under the campaign's subject, with the campaign's next sequence. */
    private CloudEvent envelopeV1(ProgressEvent event) {
        revise(event);
        String type = EventTypes.earlier().stream().filter(t -> EventTypes.classOf(t) == event.getClass())
                .findFirst().orElseThrow();
        long sequence = nextSequence(event);
        return new CloudEvent(UUID.randomUUID().toString(), "/alcance/test", type, event.campaignId(), tick(),
                sequence, codec.write(event));
    }

    // The revision campaign-service gives an update's event: 1 when reported, the correction's, or the next.
    private long revise(ProgressEvent event) {
        List<String> update = List.of(event.campaignId(), event.updateId());
        long revision = event instanceof ProgressReported ? 1
                : event instanceof ProgressCorrected correction ? correction.revision()
                : revisions.getOrDefault(update, 0L) + 1;
        revisions.put(update, revision);
        return revision;
    }

    private long nextSequence(DomainEvent event) {
        return sequences.merge(event.aggregateId(), 1L, Long::sum);
    }

    /** Makes the next events happen a minute after {@code time}, one minute apart. */
    public EventProducer at(String time) {
        clock = Instant.parse(time);
        return this;
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    public Sent send(DomainEvent event) {
        return sendOne(record(event));
    }

    /** Sends a progress event as version 1, as topics written before version 2 hold it. */
    public Sent sendV1(ProgressEvent event) {
        return sendOne(record(event, envelopeV1(event)));
    }

    public Sent send(String topic, String key, Map<String, byte[]> headers, byte[] value) {
        return sendOne(new Sent(topic, key, headers, value));
    }

    /** The record the event makes, with its subject's next sequence, to send later. */
    public Sent record(DomainEvent event) {
        return record(event, envelope(event));
    }

    private static Sent record(DomainEvent event, CloudEvent cloudEvent) {
        return new Sent(Topics.topicOf(event), event.aggregateId(), cloudEvent.headers(), cloudEvent.data());
    }

    private Sent sendOne(Sent record) {
        sendTogether(List.of(record));
        return record;
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

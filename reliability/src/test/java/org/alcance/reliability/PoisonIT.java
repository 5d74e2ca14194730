package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.alcance.events.CloudEvent;
import org.alcance.events.Topics;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 4: records that are not events, or whose application throws, land in the dead-letter topic with
 * the error in headers, while the valid events around them are all applied.
 */
@Order(4)
class PoisonIT {

    private static final String DEAD_LETTERS = "alcance.reporting.dlt.v1";
    private static final int VALID_UPDATES = 40;

    @Test
    void shouldDeadLetterEveryPoisonRecordAndApplyEverythingElse() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        String campaign = ledger.launchCampaign("GT");
        ledger.report(campaign, "before-poison", 7);
        ConsumerRecord<String, byte[]> real = reported(TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                records -> reported(records, campaign) != null, Duration.ofSeconds(60)), campaign);
        double deadLetteredBefore = Scenarios.metric(pipeline.reporting.url(),
                "alcance_reporting_events_deadlettered_total");

        Map<String, ProducerRecord<String, byte[]>> poison = new LinkedHashMap<>();
        poison.put("malformed JSON", copy(real, headers -> headers, utf8("{\"campaignId\": \"" + campaign + "\", \"off")));
        poison.put("unknown event type", copy(real, headers -> with(headers, CloudEvent.HEADER_TYPE,
                "org.alcance.campaign.progress-teleported.v1"), real.value()));
        poison.put("no headers at all", new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, real.key(), real.value()));
        poison.put("missing ce_sequence header", copy(real, headers -> {
            headers.remove(CloudEvent.HEADER_SEQUENCE);
            return headers;
        }, real.value()));
        poison.put("application throws: the event claims another office", copy(real,
                headers -> with(headers, CloudEvent.HEADER_SEQUENCE, "1000000"),
                utf8(new String(real.value(), StandardCharsets.UTF_8).replace("\"GT\"", "\"AL\""))));

        Map<Long, String> offsets = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.infrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            int i = 0;
            for (Map.Entry<String, ProducerRecord<String, byte[]>> entry : poison.entrySet()) {
                ledger.report(campaign, "around-poison-" + i++, 3);
                offsets.put(producer.send(entry.getValue()).get(30, TimeUnit.SECONDS).offset(), entry.getKey());
            }
        }
        for (int i = poison.size(); i < VALID_UPDATES; i++) {
            ledger.report(campaign, "around-poison-" + i, 3);
        }

        Ledger.Settled settled = ledger.settle(Duration.ofMinutes(2));
        List<ConsumerRecord<String, byte[]>> deadLettered = TopicRecords.readUntil(DEAD_LETTERS,
                records -> dead(records, offsets).size() == offsets.size(), Duration.ofSeconds(60));
        List<String> errors = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : dead(deadLettered, offsets)) {
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.CAMPAIGN_EVENTS);
            assertThat(header(record, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
            errors.add(offsets.get(originalOffset(record)) + " → "
                    + header(record, "kafka_dlt-exception-message"));
        }
        double deadLetteredNow = Scenarios.metric(pipeline.reporting.url(), "alcance_reporting_events_deadlettered_total");
        Report.fault("4. Poison records", String.format(Locale.ROOT,
                "%d poison records (%s) among %d valid progress updates of one campaign: %d in %s with the error in"
                        + " its headers, dead-letter counter +%.0f", poison.size(), String.join("; ", poison.keySet()),
                VALID_UPDATES, errors.size(), DEAD_LETTERS, deadLetteredNow - deadLetteredBefore), settled, Duration.ZERO);
        System.out.println("Dead-lettered: " + String.join("\n  ", errors));
        assertThat(errors).hasSize(poison.size());
        assertThat(deadLetteredNow - deadLetteredBefore).isEqualTo(poison.size());
        assertThat(settled.shown()).isEqualTo(settled.expected());
    }

    private static ConsumerRecord<String, byte[]> reported(List<ConsumerRecord<String, byte[]>> records, String campaign) {
        return records.stream().filter(r -> campaign.equals(r.key())
                && ProgressReported.TYPE.equals(header(r, CloudEvent.HEADER_TYPE)))
                .findFirst().orElse(null);
    }

    private static List<ConsumerRecord<String, byte[]>> dead(List<ConsumerRecord<String, byte[]>> records,
            Map<Long, String> offsets) {
        return records.stream().filter(r -> Topics.CAMPAIGN_EVENTS.equals(header(r, "kafka_dlt-original-topic"))
                && offsets.containsKey(originalOffset(r))).toList();
    }

    /** Spring Kafka writes the original offset as eight big-endian bytes. */
    private static long originalOffset(ConsumerRecord<?, ?> record) {
        return java.nio.ByteBuffer.wrap(record.headers().lastHeader("kafka_dlt-original-offset").value()).getLong();
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> real,
            UnaryOperator<RecordHeaders> change, byte[] value) {
        RecordHeaders headers = new RecordHeaders(real.headers().toArray());
        with(headers, CloudEvent.HEADER_ID, UUID.randomUUID().toString());
        return new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, real.partition(), real.key(), value, change.apply(headers));
    }

    private static RecordHeaders with(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, utf8(value));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

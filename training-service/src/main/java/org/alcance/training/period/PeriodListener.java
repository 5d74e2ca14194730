package org.alcance.training.period;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.events.period.PeriodStatusChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Learns of the reporting periods' steps from the campaign topic, where campaign-service publishes them. Every
 * other record of the topic is passed over by its type header, without reading its payload.
 */
@Component
class PeriodListener {

    static final String GROUP = "alcance-training-periods";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PeriodLocks locks;
    private final EventCodec codec = new EventCodec();

    PeriodListener(PeriodLocks locks) {
        this.locks = locks;
    }

    @KafkaListener(id = "period-locks", topics = Topics.CAMPAIGN_EVENTS, groupId = GROUP)
    void onRecord(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEvent.HEADER_TYPE);
        if (type == null || !PeriodStatusChanged.TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return;
        }
        CloudEvent cloudEvent = CloudEvent.fromHeaders(name -> header(record, name), record.value());
        PeriodStatusChanged event = (PeriodStatusChanged) codec.fromCloudEvent(cloudEvent);
        locks.record(event, cloudEvent.sequence()).block(TIMEOUT);
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}

package org.alcance.reporting.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.alcance.events.CloudEvent;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.training.TrainingEvent;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.Step;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one Kafka record into one applied (or skipped) event in a generation's read models.
 *
 * @see IngestErrors for what happens when this throws
 */
@Component
class EventApplier {

    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);

    private final EventCodec codec;
    private final FigureWriter writer;
    private final Generations generations;
    private final FigureChanges changes;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Counter gaps;

    EventApplier(EventCodec codec, FigureWriter writer, Generations generations, FigureChanges changes,
            MeterRegistry meters) {
        this.codec = codec;
        this.writer = writer;
        this.generations = generations;
        this.changes = changes;
        this.meters = meters;
        this.duplicates = Counter.builder("alcance.reporting.events.duplicates")
                .description("Events skipped because their sequence was already applied").register(meters);
        this.gaps = Counter.builder("alcance.reporting.events.gaps")
                .description("Events applied although earlier events of their aggregate were missing").register(meters);
    }

    /**
     * @throws org.alcance.events.InvalidEventException if the record is not a valid event (never worth a retry)
     */
    void apply(ConsumerRecord<String, byte[]> record, long generation) {
        CloudEvent cloudEvent = CloudEvent.fromHeaders(name -> header(record, name), record.value());
        DomainEvent event = codec.fromCloudEvent(cloudEvent);
        Step<?> step;
        String aggregate;
        if (event instanceof CampaignEvent campaignEvent) {
            aggregate = "campaign";
            Step<CampaignFigures> written = writer.write(Generations.campaigns(generation), campaignEvent.campaignId(),
                    CampaignFigures.class, () -> CampaignFigures.empty(campaignEvent.campaignId()),
                    CampaignFigures::sequence,
                    figures -> figures.apply(campaignEvent, cloudEvent.sequence(), cloudEvent.time()));
            changes.written(generation, written.figures());
            step = written;
        } else {
            TrainingEvent trainingEvent = (TrainingEvent) event;
            aggregate = "course";
            Step<CourseFigures> written = writer.write(Generations.courses(generation), trainingEvent.courseId(),
                    CourseFigures.class, () -> CourseFigures.empty(trainingEvent.courseId()), CourseFigures::sequence,
                    figures -> figures.apply(trainingEvent, cloudEvent.sequence(), cloudEvent.time()));
            changes.written(generation, written.figures());
            step = written;
        }
        switch (step.kind()) {
            case DUPLICATE -> {
                duplicates.increment();
                return;
            }
            case APPLIED_AFTER_GAP -> {
                gaps.increment();
                log.warn("Applied {} {} sequence {} after a gap of {} missing event(s)", aggregate,
                        event.aggregateId(), cloudEvent.sequence(), step.missing());
            }
            case APPLIED -> {
            }
        }
        meters.counter("alcance.reporting.events.applied", "type", cloudEvent.type()).increment();
        if (generation == generations.active()) {
            changes.publish(new FigureChanges.Change(aggregate, event.aggregateId(), event.office(), cloudEvent.type(),
                    cloudEvent.sequence(), asOf(step.figures())));
        }
    }

    private static java.time.Instant asOf(Object figures) {
        return figures instanceof CampaignFigures c ? c.asOf() : ((CourseFigures) figures).asOf();
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}

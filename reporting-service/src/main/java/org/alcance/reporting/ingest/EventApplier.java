package org.alcance.reporting.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.alcance.events.CloudEvent;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.campaign.ProgressEvent;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.period.ReportingScheduleSet;
import org.alcance.events.training.TrainingEvent;
import org.alcance.events.vocabulary.VocabularyEntrySet;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.Figures;
import org.alcance.reporting.projection.PeriodFigures;
import org.alcance.reporting.projection.ProjectionException;
import org.alcance.reporting.projection.ScheduleFigures;
import org.alcance.reporting.projection.VocabularyFigures;
import org.alcance.reporting.projection.Step;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Turns a poll's Kafka records into applied (or skipped) events in a generation's read models.
 *
 * @see IngestErrors for what happens when this throws
 */
@Component
class EventApplier {

    private static final Logger log = LoggerFactory.getLogger(EventApplier.class);

    private final EventCodec codec;
    private final FigureWriter writer;
    private final UpdateDocuments updates;
    private final Generations generations;
    private final FigureChanges changes;
    private final ReplicaChanges replicas;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Counter gaps;
    private final Kind<CampaignFigures> campaigns;
    private final Kind<CourseFigures> courses;
    private final Kind<PeriodFigures> periods;
    private final Kind<ScheduleFigures> schedules;
    private final Kind<VocabularyFigures> vocabulary;

    EventApplier(EventCodec codec, FigureWriter writer, UpdateDocuments updates, Generations generations,
            FigureChanges changes, ReplicaChanges replicas, MeterRegistry meters) {
        this.codec = codec;
        this.writer = writer;
        this.updates = updates;
        this.generations = generations;
        this.changes = changes;
        this.replicas = replicas;
        this.meters = meters;
        this.duplicates = Counter.builder("alcance.reporting.events.duplicates")
                .description("Events skipped because their sequence was already applied").register(meters);
        this.gaps = Counter.builder("alcance.reporting.events.gaps")
                .description("Events applied although earlier events of their subject (an aggregate, or a campaign's"
                        + " progress update) were missing").register(meters);
        this.campaigns = new Kind<>("campaign", Generations::campaigns, CampaignFigures.class, CampaignFigures::empty,
                (figures, event, stored) -> figures.apply((CampaignEvent) event.event(), event.cloudEvent().subject(),
                        event.cloudEvent().sequence(), event.cloudEvent().time(), stored),
                (generation, written) -> {
                    updates.settle(generation, written);
                    written.forEach(figures -> changes.written(generation, figures));
                });
        this.courses = new Kind<>("course", Generations::courses, CourseFigures.class, CourseFigures::empty,
                (figures, event, stored) -> figures.apply((TrainingEvent) event.event(), event.cloudEvent().sequence(),
                        event.cloudEvent().time()),
                (generation, written) -> written.forEach(figures -> changes.written(generation, figures)));
        // read from MongoDB when asked for, so nothing to hand on after a write
        this.periods = new Kind<>("period", Generations::periods, PeriodFigures.class, PeriodFigures::empty,
                (figures, event, stored) -> figures.apply((PeriodStatusChanged) event.event(),
                        event.cloudEvent().sequence(), event.cloudEvent().time()),
                (generation, written) -> {
                });
        this.schedules = new Kind<>("schedule", Generations::schedules, ScheduleFigures.class, ScheduleFigures::empty,
                (figures, event, stored) -> figures.apply((ReportingScheduleSet) event.event(),
                        event.cloudEvent().sequence(), event.cloudEvent().time()),
                (generation, written) -> {
                });
        this.vocabulary = new Kind<>("vocabulary", Generations::vocabulary, VocabularyFigures.class,
                VocabularyFigures::empty, (figures, event, stored) -> figures.apply((VocabularyEntrySet) event.event(),
                        event.cloudEvent().sequence(), event.cloudEvent().time()),
                (generation, written) -> {
                });
    }

    /**
     * What differs between campaigns, courses, reporting periods, the schedule and the catalogue on the way from an event to
     * their documents: how an event applies (given the stored documents of the progress updates it is about) and what follows a write.
     */
    private record Kind<T extends Figures>(String aggregate, LongFunction<String> collection, Class<T> type,
            Function<String, T> empty, Apply<T> apply, Written<T> written) {
    }

    private interface Apply<T extends Figures> {
        Step<T> apply(T figures, Event event, Map<String, CampaignFigures.Update> stored);
    }

    private interface Written<T extends Figures> {
        void accept(long generation, List<T> written);
    }

    /** A record of the poll decoded: its place in the poll, its event and the kind of aggregate it is about. */
    private record Event(int index, CloudEvent cloudEvent, DomainEvent event, Kind<?> kind) {

        String aggregateId() {
            return event.aggregateId();
        }

        /** The documents of the progress updates the event is about, by {@link CampaignFigures.Update#key}. */
        List<String> updateIds() {
            return event instanceof ProgressEvent progress
                    ? List.of(CampaignFigures.Update.key(progress.campaignId(), progress.updateId())) : List.of();
        }
    }

    private record Failure(int index, RuntimeException cause) {
    }

    /**
     * Applies a poll's records in their order. The documents they touch are read with one query per collection,
     * each aggregate's events applied in memory, and each changed document written once, in one unordered bulk
     * write per collection. Whatever that did not settle (a write that lost a race, a failed read or write) is
     * applied again one event at a time through the single-document path, so that an event is applied exactly
     * once whoever else writes, and a failure is the failing record's own.
     *
     * @throws BatchListenerFailedException naming the first record that is not applied (not a valid event, one
     *     that cannot apply, MongoDB unavailable) once every record before it is; the records after it come again
     */
    void apply(List<ConsumerRecord<String, byte[]>> records, long generation) {
        List<Event> events = new ArrayList<>();
        Failure failure = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(decode(record, events.size()));
            } catch (RuntimeException invalid) {
                failure = new Failure(events.size(), invalid);
                break;
            }
        }
        Map<Kind<?>, Batch<?>> batches = Map.of(campaigns, new Batch<>(campaigns, generation), courses,
                new Batch<>(courses, generation), periods, new Batch<>(periods, generation), schedules,
                new Batch<>(schedules, generation), vocabulary, new Batch<>(vocabulary, generation));
        events.forEach(event -> batches.get(event.kind()).add(event));
        List<Event> alone = events;
        if (readAll(batches.values())) {
            for (Event event : events) {
                try {
                    batches.get(event.kind()).apply(event);
                } catch (RuntimeException refused) {
                    failure = new Failure(event.index(), refused);
                    break;
                }
            }
            alone = new ArrayList<>();
            for (Batch<?> batch : batches.values()) {
                alone.addAll(batch.write());
            }
            alone.sort(Comparator.comparingInt(Event::index));
        }
        for (Event event : alone) {
            try {
                applyAlone(event.kind(), event, generation);
            } catch (RuntimeException e) {
                failure = new Failure(event.index(), e);
                break;
            }
        }
        if (failure != null) {
            throw new BatchListenerFailedException("Record " + failure.index() + " of the poll was not applied",
                    failure.cause(), failure.index());
        }
    }

    private static boolean readAll(Collection<Batch<?>> batches) {
        try {
            batches.forEach(Batch::read);
            return true;
        } catch (RuntimeException e) { // the single-document path meets it again, with the record it belongs to
            log.warn("Reading a poll's documents together failed, applying its events one at a time: {}", e.toString());
            return false;
        }
    }

    /**
     * @throws org.alcance.events.InvalidEventException if the record is not a valid event (never worth a retry)
     */
    private Event decode(ConsumerRecord<String, byte[]> record, int index) {
        CloudEvent cloudEvent = CloudEvent.fromHeaders(name -> header(record, name), record.value());
        DomainEvent event = codec.fromCloudEvent(cloudEvent);
        return new Event(index, cloudEvent, event, kindOf(event));
    }

    private Kind<?> kindOf(DomainEvent event) {
        if (event instanceof CampaignEvent) {
            return campaigns;
        }
        if (event instanceof TrainingEvent) {
            return courses;
        }
        if (event instanceof PeriodStatusChanged) {
            return periods;
        }
        if (event instanceof ReportingScheduleSet) {
            return schedules;
        }
        if (event instanceof VocabularyEntrySet) {
            return vocabulary;
        }
        throw new ProjectionException("No read model for " + event.getClass().getSimpleName());
    }

    /**
     * Applies one event with its own reads (its aggregate's document, then its update's) and conditional write,
     * then tells and counts it.
     */
    private <T extends Figures> void applyAlone(Kind<T> kind, Event event, long generation) {
        String id = event.aggregateId();
        Step<T> step = writer.write(kind.collection().apply(generation), id, kind.type(), () -> kind.empty().apply(id),
                figures -> kind.apply().apply(figures, event, updates.read(generation, event.updateIds())));
        kind.written().accept(generation, List.of(step.figures()));
        applied(event, step, generation);
    }

    /** Counts an event now held by the read models, or skipped as a duplicate, and tells live readers of it. */
    private void applied(Event event, Step<? extends Figures> step, long generation) {
        CloudEvent cloudEvent = event.cloudEvent();
        switch (step.kind()) {
            case DUPLICATE -> {
                duplicates.increment();
                return;
            }
            case APPLIED_AFTER_GAP -> {
                gaps.increment();
                log.warn("Applied {} {} subject {} sequence {} after a gap of {} missing event(s)",
                        event.kind().aggregate(), event.aggregateId(), cloudEvent.subject(), cloudEvent.sequence(),
                        step.missing());
            }
            case APPLIED -> {
            }
        }
        meters.counter("alcance.reporting.events.applied", "type", cloudEvent.type()).increment();
        if (generation == generations.active()) {
            FigureChanges.Change change = new FigureChanges.Change(event.kind().aggregate(), event.aggregateId(),
                    event.event().office(), cloudEvent.type(), cloudEvent.subject(), cloudEvent.sequence(),
                    step.figures().version(), step.figures().asOf());
            changes.publish(change);
            replicas.send(generation, change);
        }
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    /** The aggregates of one kind that a poll's events touch: read together, changed in memory, written together. */
    private final class Batch<T extends Figures> {

        private final Kind<T> kind;
        private final long generation;
        private final Map<String, Aggregate<T>> aggregates = new LinkedHashMap<>();
        private final Set<String> updateIds = new HashSet<>();
        private Map<String, CampaignFigures.Update> stored; // read after the aggregates' documents

        Batch(Kind<T> kind, long generation) {
            this.kind = kind;
            this.generation = generation;
        }

        void add(Event event) {
            aggregates.computeIfAbsent(event.aggregateId(), id -> new Aggregate<>());
            updateIds.addAll(event.updateIds());
        }

        void read() {
            if (aggregates.isEmpty()) {
                return;
            }
            Map<String, T> documents = writer.read(kind.collection().apply(generation), kind.type(),
                    aggregates.keySet());
            aggregates.forEach((id, aggregate) -> {
                aggregate.read = documents.get(id);
                aggregate.figures = aggregate.read == null ? kind.empty().apply(id) : aggregate.read;
            });
            stored = updates.read(generation, updateIds);
        }

        void apply(Event event) {
            Aggregate<T> aggregate = aggregates.get(event.aggregateId());
            Step<T> step = kind.apply().apply(aggregate.figures, event, stored);
            aggregate.figures = step.figures();
            aggregate.events.add(event);
            aggregate.steps.add(step);
        }

        /**
         * Writes each changed document once, then tells and counts the events of every document that landed.
         *
         * @return the events of the documents that did not land, to apply again one at a time
         */
        List<Event> write() {
            List<Aggregate<T>> touched = aggregates.values().stream().filter(a -> !a.events.isEmpty()).toList();
            List<FigureWriter.Write<T>> writes = touched.stream()
                    .filter(aggregate -> aggregate.steps.stream().anyMatch(Step::changed))
                    .map(aggregate -> new FigureWriter.Write<>(aggregate.figures, aggregate.read)).toList();
            Set<String> lost;
            try {
                lost = writes.isEmpty() ? Set.of()
                        : writer.write(kind.collection().apply(generation), kind.type(), writes);
            } catch (RuntimeException e) { // the single-document path meets it again, with the record it belongs to
                log.warn("Writing {} {} documents together failed, applying their events one at a time: {}",
                        writes.size(), kind.aggregate(), e.toString());
                lost = writes.stream().map(write -> write.figures().id()).collect(Collectors.toSet());
            }
            List<Event> again = new ArrayList<>();
            List<Aggregate<T>> landed = new ArrayList<>();
            for (Aggregate<T> aggregate : touched) {
                if (lost.contains(aggregate.figures.id())) {
                    again.addAll(aggregate.events);
                } else {
                    landed.add(aggregate);
                }
            }
            kind.written().accept(generation, landed.stream().map(aggregate -> aggregate.figures).toList());
            for (Aggregate<T> aggregate : landed) {
                for (int i = 0; i < aggregate.events.size(); i++) {
                    applied(aggregate.events.get(i), aggregate.steps.get(i), generation);
                }
            }
            return again;
        }
    }

    /** One aggregate's document as read, and as the poll's events applied so far leave it. */
    private static final class Aggregate<T extends Figures> {

        private T read;
        private T figures;
        private final List<Event> events = new ArrayList<>();
        private final List<Step<T>> steps = new ArrayList<>();
    }
}

package org.alcance.reporting.history;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.alcance.events.CloudEvent;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.campaign.ProgressEvent;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.period.ReportingScheduleSet;
import org.alcance.events.training.TrainingEvent;
import org.alcance.events.vocabulary.VocabularyEntrySet;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.PeriodFigures;
import org.alcance.reporting.projection.ScheduleFigures;
import org.alcance.reporting.projection.VocabularyFigures;
import org.alcance.web.Problem;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Figures as they stood at the end of a day, derived from the event log, not from a second store
 * (docs/architecture.md, "Figures as of a date"): both topics are read from their first record to their end as
 * this request finds it, and every event whose time ({@code ce_time}) falls before the next day (UTC) is applied,
 * in the log's order, by the very read-model code the consumers use, to documents held in memory. The topics are
 * kept forever; where records were deleted from a partition's start, the figures of before cannot be known, and
 * a log longer than {@code max-events} would not fit in this service's memory: both are refused. A record that
 * is not a valid event, or cannot apply, is left out, as the consumers dead-letter it. One day is read at a
 * time, and the last few days asked for are kept for a short while, so a dashboard's calls for one day cost one
 * read of the log.
 */
@Component
public class EventHistory {

    private static final Logger log = LoggerFactory.getLogger(EventHistory.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KEPT = Duration.ofSeconds(30);
    private static final int DAYS_KEPT = 4;

    private final ConsumerFactory<Object, Object> consumers;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final long maxEvents;
    private final Scheduler reads = Schedulers.newSingle("event-history", true);
    private final Map<LocalDate, Mono<History>> kept = new LinkedHashMap<>(DAYS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Mono<History>> eldest) {
            return size() > DAYS_KEPT;
        }
    };

    EventHistory(ConsumerFactory<Object, Object> consumers, EventCodec codec, MeterRegistry meters,
            @Value("${alcance.reporting.history.max-events:200000}") long maxEvents) {
        this.consumers = consumers;
        this.codec = codec;
        this.meters = meters;
        this.maxEvents = maxEvents;
    }

    /**
     * The figures as they stood at the end of {@code day}.
     *
     * @throws Problem 400 naming {@code asOf} if the day is still to come, or the log no longer holds its start
     */
    public Mono<History> asOf(LocalDate day) {
        if (day.isAfter(LocalDate.now(ZoneOffset.UTC))) {
            return Mono.error(refused("must not be after today (UTC): figures of " + day + " are not known yet"));
        }
        synchronized (kept) {
            // a day's figures are read again once they are older than KEPT; a failure is not kept at all
            return kept.computeIfAbsent(day, d -> Mono.fromCallable(() -> read(d))
                    .subscribeOn(reads)
                    .cache(history -> KEPT, failure -> Duration.ZERO, () -> Duration.ZERO));
        }
    }

    private History read(LocalDate day) {
        Timer.Sample sample = Timer.start(meters);
        Instant before = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Folding folding = new Folding(day);
        Properties once = new Properties();
        once.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        once.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        long records = 0;
        try (Consumer<Object, Object> consumer = consumers.createConsumer("alcance-reporting-history", "history", null,
                once)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.beginningOffsets(partitions).forEach((partition, first) -> {
                if (first > 0) {
                    throw refused("cannot be answered: the event log no longer holds the first events of "
                            + partition + ", so the figures of before are not known");
                }
            });
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            end.values().removeIf(offset -> offset == 0);
            long events = end.values().stream().mapToLong(Long::longValue).sum();
            if (events > maxEvents) {
                throw refused("cannot be answered: the event log holds " + events + " events, more than the "
                        + maxEvents + " this service folds for one request (alcance.reporting.history.max-events)");
            }
            consumer.seekToBeginning(partitions);
            while (!end.isEmpty()) {
                for (ConsumerRecord<Object, Object> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last != null && record.offset() < last) {
                        records++;
                        folding.apply(record, before);
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        }
        sample.stop(meters.timer("alcance.reporting.history.read", "outcome", "success"));
        log.info("Read {} records of the event log for the figures as of {}", records, day);
        return folding.history();
    }

    private static Problem refused(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "The figures cannot be given as of that date",
                List.of(new Problem.FieldError("asOf", detail)));
    }

    /** The documents of one day, changed by each event in turn as the consumers would change them. */
    private final class Folding {

        private final LocalDate day;
        private final Map<String, CampaignFigures> campaigns = new HashMap<>();
        /** Each update's figures by {@link CampaignFigures.Update#key}, as the consumers store them beside the campaign. */
        private final Map<String, CampaignFigures.Update> updates = new HashMap<>();
        private final Map<String, CourseFigures> courses = new HashMap<>();
        private final Map<String, PeriodFigures> periods = new HashMap<>();
        private ScheduleFigures schedule = ScheduleFigures.empty(ReportingScheduleSet.ID);
        private final Map<String, VocabularyFigures> vocabulary = new HashMap<>();

        Folding(LocalDate day) {
            this.day = day;
        }

        void apply(ConsumerRecord<Object, Object> record, Instant before) {
            try {
                CloudEvent cloudEvent = CloudEvent.fromHeaders(name -> header(record, name), (byte[]) record.value());
                if (!cloudEvent.time().isBefore(before)) {
                    return;
                }
                DomainEvent event = codec.fromCloudEvent(cloudEvent);
                long sequence = cloudEvent.sequence();
                Instant time = cloudEvent.time();
                if (event instanceof CampaignEvent e) {
                    apply(e, cloudEvent.subject(), sequence, time);
                } else if (event instanceof TrainingEvent e) {
                    courses.compute(e.aggregateId(), (id, c) -> (c == null ? CourseFigures.empty(id) : c)
                            .apply(e, sequence, time).figures());
                } else if (event instanceof PeriodStatusChanged e) {
                    periods.compute(e.aggregateId(), (id, p) -> (p == null ? PeriodFigures.empty(id) : p)
                            .apply(e, sequence, time).figures());
                } else if (event instanceof ReportingScheduleSet e) {
                    schedule = schedule.apply(e, sequence, time).figures();
                } else if (event instanceof VocabularyEntrySet e) {
                    vocabulary.compute(e.aggregateId(), (id, v) -> (v == null ? VocabularyFigures.empty(id) : v)
                            .apply(e, sequence, time).figures());
                }
            } catch (RuntimeException notApplicable) { // dead-lettered by the consumers too
                log.debug("Left out of the figures as of {}: {}", day, notApplicable.toString());
            }
        }

        // As the consumers do, the campaign's journal is settled into the updates' own documents after each event.
        private void apply(CampaignEvent event, String subject, long sequence, Instant time) {
            String id = event.aggregateId();
            Map<String, CampaignFigures.Update> stored = new HashMap<>();
            if (event instanceof ProgressEvent progress) {
                String key = CampaignFigures.Update.key(id, progress.updateId());
                if (updates.containsKey(key)) {
                    stored.put(key, updates.get(key));
                }
            }
            CampaignFigures next = campaigns.getOrDefault(id, CampaignFigures.empty(id))
                    .apply(event, subject, sequence, time, stored).figures();
            next.journal().values().forEach(update -> updates.put(update.id(), update));
            campaigns.put(id, next.withoutJournal());
        }

        History history() {
            Map<String, List<CampaignFigures.Update>> byCampaign = new HashMap<>();
            updates.values().forEach(u -> byCampaign.computeIfAbsent(u.campaignId(), c -> new ArrayList<>()).add(u));
            return new History(day, Map.copyOf(campaigns), byCampaign, Map.copyOf(courses), Map.copyOf(periods),
                    schedule.seen() ? schedule : null, List.copyOf(vocabulary.values()));
        }
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}

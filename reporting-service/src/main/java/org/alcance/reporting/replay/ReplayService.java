package org.alcance.reporting.replay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.alcance.events.Topics;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.generation.Generations.Pointer;
import org.alcance.reporting.ingest.EventListeners;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Follows the generation pointer on every replica and drives replays (docs/architecture.md, "Reporting").
 *
 * <p>Every tick, each replica consumes into the active generation and, while a replay runs, into the
 * generation being built; it stops every other consumer. A replay captures the topics' offsets when it is
 * requested; once the new generation's consumer group has committed up to them on every partition, any
 * replica switches the pointer (a conditional update, so only one switch happens), and on their next tick all
 * replicas read the new generation and stop the old consumer. The old generation serves until then.
 */
@Component
class ReplayService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);
    private static final List<String> TOPICS = List.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS);

    private final Generations generations;
    private final EventListeners ingest;
    private final KafkaAdmin kafkaAdmin;
    private final Duration tick;
    private final AtomicReference<Double> progress = new AtomicReference<>(1.0);
    private volatile ScheduledExecutorService ticker;
    private Admin admin;

    ReplayService(Generations generations, EventListeners ingest, KafkaAdmin kafkaAdmin, MeterRegistry meters,
            @Value("${alcance.reporting.generation-poll:1s}") Duration tick) {
        this.generations = generations;
        this.ingest = ingest;
        this.kafkaAdmin = kafkaAdmin;
        this.tick = tick;
        Gauge.builder("alcance.reporting.replay.progress", progress, AtomicReference::get)
                .description("Share of the topics' records the generation being rebuilt has consumed (1 when no replay runs)")
                .register(meters);
    }

    /** The outcome of a replay request. */
    record Started(boolean started, Document state) {
    }

    /** Starts rebuilding into a new generation, unless a replay is already running. */
    synchronized Started start(String requestedBy) {
        Pointer pointer = generations.refresh();
        if (pointer.building() != null) {
            return new Started(false, state(pointer));
        }
        List<Document> targets = new ArrayList<>();
        long total = 0;
        for (Map.Entry<TopicPartition, long[]> offsets : offsets().entrySet()) {
            long begin = offsets.getValue()[0];
            long end = offsets.getValue()[1];
            targets.add(new Document("topic", offsets.getKey().topic()).append("partition", offsets.getKey().partition())
                    .append("begin", begin).append("end", end));
            total += end - begin;
        }
        Document replay = new Document("status", "BUILDING").append("requestedBy", requestedBy)
                .append("requestedAt", Instant.now()).append("targets", targets).append("consumed", 0L)
                .append("total", total);
        Long generation = generations.startBuilding(pointer, replay);
        if (generation == null) {
            return new Started(false, state(generations.refresh()));
        }
        log.info("Replay requested by {}: rebuilding into generation {} ({} records)", requestedBy, generation, total);
        progress.set(total == 0 ? 1.0 : 0.0);
        tickSafely();
        return new Started(true, state(generations.current()));
    }

    /** The replay state as {@code GET /api/admin/replay} shows it. */
    Document state(Pointer pointer) {
        Document state = new Document("activeGeneration", pointer.active())
                .append("buildingGeneration", pointer.building());
        Document replay = pointer.replay();
        if (replay != null) {
            Document shown = new Document(replay);
            shown.remove("targets");
            long total = ((Number) replay.getOrDefault("total", 0L)).longValue();
            long consumed = ((Number) replay.getOrDefault("consumed", 0L)).longValue();
            shown.append("progress", total == 0 ? 1.0 : Math.min(1.0, (double) consumed / total));
            state.append("replay", shown);
        }
        return state;
    }

    Document state() {
        return state(generations.refresh());
    }

    synchronized void tick() {
        Pointer pointer = generations.refresh();
        ingest.serve(pointer.active(), pointer.building());
        if (pointer.building() != null) {
            long building = pointer.building();
            if (caughtUp(building, pointer.replay()) && generations.activate(building)) {
                log.info("Generation {} caught up and now serves the figures (was {})", building, pointer.active());
            }
        } else {
            progress.set(1.0);
        }
        Pointer now = generations.current();
        ingest.serve(now.active(), now.building());
    }

    private boolean caughtUp(long building, Document replay) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(generations.groupId(building));
        long consumed = 0;
        long total = 0;
        boolean done = true;
        for (Document target : replay.getList("targets", Document.class)) {
            TopicPartition partition = new TopicPartition(target.getString("topic"), target.getInteger("partition"));
            long begin = target.get("begin", Number.class).longValue();
            long end = target.get("end", Number.class).longValue();
            OffsetAndMetadata offset = committed.get(partition);
            long at = offset == null ? begin : Math.max(begin, Math.min(end, offset.offset()));
            consumed += at - begin;
            total += end - begin;
            done &= at >= end;
        }
        progress.set(total == 0 ? 1.0 : (double) consumed / total);
        generations.recordProgress(building, consumed, total);
        return done;
    }

    private Map<TopicPartition, long[]> offsets() {
        try {
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin().describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> {
                        earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                    }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> begins = admin().listOffsets(earliest).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, long[]> offsets = new java.util.TreeMap<>(
                    java.util.Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
            begins.forEach((tp, info) -> offsets.put(tp, new long[] {info.offset(), ends.get(tp).offset()}));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the topics' offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the topics' offsets: " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        try {
            return admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading offsets of " + groupId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offsets of " + groupId + ": " + e.getMessage(), e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Generation check failed, trying again in {}: {}", tick, e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reporting-generations");
            thread.setDaemon(true);
            return thread;
        });
        ticker = executor;
        tickSafely();
        executor.scheduleWithFixedDelay(this::tickSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}

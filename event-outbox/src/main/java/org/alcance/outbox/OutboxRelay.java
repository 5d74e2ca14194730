package org.alcance.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.alcance.events.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in aggregate documents to Kafka, in sequence order per aggregate,
 * and clears them only after the broker acknowledged them (idempotent producer, {@code acks=all}).
 * A short lease on the document keeps two replicas from relaying the same aggregate at once; if a
 * replica dies, its lease expires and another one carries on. Any duplicate this still allows is
 * harmless: consumers apply each aggregate's sequence once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties settings;
    private final LocalWrites localWrites;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final MeterRegistry meters;
    private final Counter failures;
    private volatile Thread worker;
    private Instant backlogMeasuredAt = Instant.EPOCH;

    OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties settings,
            LocalWrites localWrites, MeterRegistry meters) {
        this.localWrites = localWrites;
        this.mongo = mongo;
        this.kafka = kafka;
        this.settings = settings;
        this.meters = meters;
        this.failures = Counter.builder("alcance.outbox.relay.failures")
                .description("Relay rounds that failed (broker or database unavailable)").register(meters);
        Gauge.builder("alcance.outbox.backlog", backlog, AtomicLong::get)
                .description("Events stored but not yet acknowledged by the broker").register(meters);
    }

    void wake() {
        wake.release();
    }

    /** Relays everything pending now; returns how many events the broker acknowledged. */
    int relayPending() {
        int relayed = 0;
        for (Document candidate : candidates()) {
            Document claimed = claim(candidate.getString("_id"));
            if (claimed != null) {
                relayed += publish(claimed);
            }
        }
        return relayed;
    }

    private List<Document> candidates() {
        Query query = claimable(new Query());
        query.fields().include("_id");
        query.limit(BATCH);
        return mongo.find(query, Document.class, settings.collection()).collectList().block();
    }

    private Query claimable(Query query) {
        Instant now = Instant.now();
        return query.addCriteria(Criteria.where("outbox.0").exists(true)
                .orOperator(Criteria.where("lease").exists(false), Criteria.where("lease.until").lt(now)));
    }

    private Document claim(String id) {
        Query query = claimable(Query.query(Criteria.where("_id").is(id)));
        query.fields().include("_id", "outbox");
        Update lease = Update.update("lease", new Document("owner", owner).append("until", Instant.now().plus(LEASE)));
        return mongo.findAndModify(query, lease, FindAndModifyOptions.options().returnNew(true), Document.class, settings.collection())
                .block();
    }

    private int publish(Document aggregate) {
        String id = aggregate.getString("_id");
        List<Document> pending = new ArrayList<>(aggregate.getList("outbox", Document.class));
        pending.sort(Comparator.comparingLong(event -> event.get("sequence", Number.class).longValue()));
        try {
            for (Document event : pending) {
                Document write = event.get("localWrite", Document.class);
                if (write != null) {
                    localWrites.apply(write).block();
                }
            }
            List<CompletableFuture<SendResult<String, byte[]>>> sent = new ArrayList<>();
            for (Document event : pending) {
                sent.add(kafka.send(record(id, event)));
            }
            for (CompletableFuture<SendResult<String, byte[]>> ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            release(id);
            throw new IllegalStateException("Could not relay the events of " + id, e);
        }
        List<String> eventIds = pending.stream().map(event -> event.getString("eventId")).toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds))).unset("lease"),
                settings.collection()).block();
        pending.forEach(event -> meters.counter("alcance.outbox.published", "type", event.getString("type")).increment());
        return pending.size();
    }

    private ProducerRecord<String, byte[]> record(String aggregateId, Document event) {
        Instant time = event.getDate("time").toInstant();
        CloudEvent cloudEvent = new CloudEvent(event.getString("eventId"), settings.source(), event.getString("type"),
                aggregateId, time, event.get("sequence", Number.class).longValue(),
                event.getString("payload").getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        cloudEvent.headers().forEach(headers::add);
        return new ProducerRecord<>(settings.topic(), null, time.toEpochMilli(), aggregateId, cloudEvent.data(), headers);
    }

    private void release(String id) {
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("lease.owner").is(owner)),
                    new Update().unset("lease"), settings.collection()).block();
        } catch (RuntimeException e) {
            log.debug("Lease on {} not released; it expires by itself", id, e);
        }
    }

    private void measureBacklog() {
        Instant now = Instant.now();
        if (now.isBefore(backlogMeasuredAt.plusSeconds(1))) {
            return;
        }
        backlogMeasuredAt = now;
        Query query = Query.query(Criteria.where("outbox.0").exists(true));
        query.fields().include("outbox.sequence");
        try {
            Long pending = mongo.find(query, Document.class, settings.collection())
                    .map(aggregate -> (long) aggregate.getList("outbox", Document.class).size())
                    .reduce(0L, Long::sum).block();
            backlog.set(pending == null ? 0 : pending);
        } catch (RuntimeException e) {
            log.debug("Outbox backlog not measured this round", e);
        }
    }

    private void run() {
        Duration backoff = POLL;
        while (worker != null) {
            measureBacklog();
            try {
                int relayed = relayPending();
                backoff = POLL;
                if (relayed == 0) {
                    wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed, retrying in {}: {}", backoff, e.getMessage());
                try {
                    wake.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public synchronized void start() {
        Thread thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}

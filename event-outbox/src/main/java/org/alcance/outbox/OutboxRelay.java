package org.alcance.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
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
 *
 * <p>The aggregates this replica just wrote are relayed at once, by id; a sweep of every aggregate
 * with pending events (a collection scan, as the outbox is not indexed) runs once per poll
 * interval, for what another replica or a failed round left behind, and measures the backlog. The
 * events of all aggregates of a round are sent before their acknowledgements are awaited.
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
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final AtomicLong backlog = new AtomicLong();
    private final MeterRegistry meters;
    private final Counter failures;
    private volatile Thread worker;

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

    /** Relays the events {@code aggregateId} has just stored now, rather than at the next sweep. */
    void wake(String aggregateId) {
        written.add(aggregateId);
        wake.release();
    }

    /** Relays the pending events of {@code ids}; returns how many events the broker acknowledged. */
    private int relay(Collection<String> ids) {
        List<Sent> sent = new ArrayList<>();
        RuntimeException failed = null;
        for (String id : ids) {
            Document claimed = claim(id);
            if (claimed != null) {
                try {
                    sent.add(send(claimed));
                } catch (RuntimeException e) {
                    release(id);
                    failed = e;
                }
            }
        }
        int relayed = 0;
        for (Sent aggregate : sent) {
            try {
                relayed += clear(aggregate);
            } catch (RuntimeException e) {
                release(aggregate.id());
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return relayed;
    }

    /**
     * Every aggregate with pending events: sets the backlog, and returns those no live lease holds, at
     * most {@code BATCH} of them.
     */
    private List<String> sweep() {
        Query query = Query.query(Criteria.where("outbox.0").exists(true));
        query.fields().include("_id", "lease", "outbox.sequence");
        List<Document> pending = mongo.find(query, Document.class, settings.collection()).collectList().block();
        Instant now = Instant.now();
        backlog.set(pending.stream().mapToLong(aggregate -> aggregate.getList("outbox", Document.class).size()).sum());
        return pending.stream().filter(aggregate -> {
            Document lease = aggregate.get("lease", Document.class);
            return lease == null || lease.getDate("until").toInstant().isBefore(now);
        }).limit(BATCH).map(aggregate -> aggregate.getString("_id")).toList();
    }

    private List<String> takeWritten() {
        List<String> ids = new ArrayList<>(written);
        written.removeAll(ids);
        return ids;
    }

    private Document claim(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and("outbox.0").exists(true)
                .orOperator(Criteria.where("lease").exists(false), Criteria.where("lease.until").lt(Instant.now())));
        query.fields().include("_id", "outbox");
        Update lease = Update.update("lease", new Document("owner", owner).append("until", Instant.now().plus(LEASE)));
        return mongo.findAndModify(query, lease, FindAndModifyOptions.options().returnNew(true), Document.class, settings.collection())
                .block();
    }

    /** Applies the claimed aggregate's local writes and sends its events, in sequence order. */
    private Sent send(Document aggregate) {
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
            List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
            for (Document event : pending) {
                acks.add(kafka.send(record(id, event)));
            }
            return new Sent(id, pending, acks);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not relay the events of " + id, e);
        }
    }

    /** A claimed aggregate whose events are on their way to the broker. */
    private record Sent(String id, List<Document> pending, List<CompletableFuture<SendResult<String, byte[]>>> acks) {
    }

    /** Waits for the broker's acknowledgements of an aggregate's events, then clears them and the lease. */
    private int clear(Sent sent) {
        try {
            for (CompletableFuture<SendResult<String, byte[]>> ack : sent.acks()) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not relay the events of " + sent.id(), e);
        }
        List<String> eventIds = sent.pending().stream().map(event -> event.getString("eventId")).toList();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(sent.id())),
                new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds))).unset("lease"),
                settings.collection()).block();
        sent.pending().forEach(event -> meters.counter("alcance.outbox.published", "type", event.getString("type"))
                .increment());
        return sent.pending().size();
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

    private void run() {
        Duration backoff = POLL;
        Instant nextSweep = Instant.EPOCH;
        while (worker != null) {
            try {
                Instant now = Instant.now();
                int relayed;
                if (now.isBefore(nextSweep)) {
                    relayed = relay(takeWritten());
                } else {
                    List<String> due = sweep();
                    // a full batch means more are waiting: sweep again right away
                    nextSweep = due.size() < BATCH ? now.plus(POLL) : now;
                    relayed = relay(due);
                }
                backoff = POLL;
                if (relayed == 0 && written.isEmpty()) {
                    wake.tryAcquire(Math.max(1, Duration.between(Instant.now(), nextSweep).toMillis()),
                            TimeUnit.MILLISECONDS);
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
                nextSweep = Instant.EPOCH; // after a failed round, sweep: what it claimed was released
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

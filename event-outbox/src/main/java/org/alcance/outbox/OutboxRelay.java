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
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Flux;

/**
 * Publishes the events waiting in aggregate documents to Kafka, in sequence order per aggregate,
 * and clears them only after the broker acknowledged them (idempotent producer, {@code acks=all}).
 * A short lease on the document keeps two replicas from relaying the same aggregate at once; if a
 * replica dies, its lease expires and another one carries on. Any duplicate this still allows is
 * harmless: consumers apply each aggregate's sequence once.
 *
 * <p>The aggregates this replica just wrote are relayed at once, by id; a sweep of every aggregate
 * with pending events (a collection scan, as the outbox is not indexed) runs once per poll
 * interval, for what another replica or a failed round left behind, and measures the backlog. A
 * round handles its aggregates together: one lease update, one read, the local writes in parallel,
 * every event sent before the acknowledgements are awaited, and one bulk write that clears them.
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
    private final AtomicLong rounds = new AtomicLong();
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

    /**
     * Relays the pending events of {@code ids}; returns how many events the broker acknowledged. A round
     * costs the same few database round trips however many aggregates it holds (claim, read, local
     * writes in parallel, clear): a relay thread that paid several sequential round trips per aggregate
     * fell behind the requests writing beside it.
     */
    private int relay(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Document> claimed = claim(ids);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<String> claimedIds = claimed.stream().map(aggregate -> aggregate.getString("_id")).toList();
        try {
            applyLocalWrites(claimed);
        } catch (RuntimeException e) {
            release(claimedIds);
            throw new IllegalStateException("Could not apply the local writes of " + claimedIds, e);
        }
        List<Sent> sent = claimed.stream().map(this::send).toList();
        List<Sent> acknowledged = new ArrayList<>();
        List<String> unacknowledged = new ArrayList<>();
        RuntimeException failed = null;
        for (Sent aggregate : sent) {
            try {
                for (CompletableFuture<SendResult<String, byte[]>> ack : aggregate.acks()) {
                    ack.get(60, TimeUnit.SECONDS);
                }
                acknowledged.add(aggregate);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                unacknowledged.add(aggregate.id());
                failed = new IllegalStateException("Could not relay the events of " + aggregate.id(), e);
            }
        }
        if (!unacknowledged.isEmpty()) {
            release(unacknowledged);
        }
        int relayed = clear(acknowledged);
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

    /**
     * Leases those of {@code ids} that have pending events and no live lease, in one update, then reads
     * what this round leased (the lease names the round), with their pending events.
     */
    private List<Document> claim(Collection<String> ids) {
        Instant now = Instant.now();
        long round = rounds.incrementAndGet();
        Query free = Query.query(Criteria.where("_id").in(ids).and("outbox.0").exists(true)
                .orOperator(Criteria.where("lease").exists(false), Criteria.where("lease.until").lt(now)));
        Update lease = Update.update("lease", new Document("owner", owner).append("round", round)
                .append("until", now.plus(LEASE)));
        mongo.updateMulti(free, lease, settings.collection()).block();
        Query leased = Query.query(Criteria.where("_id").in(ids).and("lease.owner").is(owner).and("lease.round").is(round));
        leased.fields().include("_id", "outbox");
        try {
            return mongo.find(leased, Document.class, settings.collection()).collectList().block();
        } catch (RuntimeException e) {
            release(ids);
            throw e;
        }
    }

    /** Applies the local writes of the claimed aggregates' events, all at once: each is idempotent and revisioned. */
    private void applyLocalWrites(List<Document> claimed) {
        Flux.fromIterable(claimed)
                .flatMapIterable(aggregate -> aggregate.getList("outbox", Document.class))
                .mapNotNull(event -> event.get("localWrite", Document.class))
                .flatMap(localWrites::apply)
                .then()
                .block();
    }

    /** Sends the claimed aggregate's events in sequence order; the acknowledgements are awaited later. */
    private Sent send(Document aggregate) {
        String id = aggregate.getString("_id");
        List<Document> pending = new ArrayList<>(aggregate.getList("outbox", Document.class));
        pending.sort(Comparator.comparingLong(event -> event.get("sequence", Number.class).longValue()));
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
        for (Document event : pending) {
            try {
                acks.add(kafka.send(record(id, event)));
            } catch (RuntimeException e) {
                // the events after a refused one must not go out before it
                acks.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        return new Sent(id, pending, acks);
    }

    /** A claimed aggregate whose events are on their way to the broker. */
    private record Sent(String id, List<Document> pending, List<CompletableFuture<SendResult<String, byte[]>>> acks) {
    }

    /** Clears the acknowledged aggregates' events and their leases, in one bulk write. */
    private int clear(List<Sent> acknowledged) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, settings.collection());
        for (Sent sent : acknowledged) {
            List<String> eventIds = sent.pending().stream().map(event -> event.getString("eventId")).toList();
            bulk.updateOne(Query.query(Criteria.where("_id").is(sent.id())),
                    new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds))).unset("lease"));
        }
        bulk.execute().block();
        int relayed = 0;
        for (Sent sent : acknowledged) {
            sent.pending().forEach(event -> meters.counter("alcance.outbox.published", "type", event.getString("type"))
                    .increment());
            relayed += sent.pending().size();
        }
        return relayed;
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

    private void release(Collection<String> ids) {
        try {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("lease.owner").is(owner)),
                    new Update().unset("lease"), settings.collection()).block();
        } catch (RuntimeException e) {
            log.debug("Leases on {} not released; they expire by themselves", ids, e);
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

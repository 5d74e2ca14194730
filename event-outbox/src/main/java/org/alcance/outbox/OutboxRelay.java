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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.alcance.events.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Flux;

/**
 * Publishes the events waiting in documents to Kafka, in sequence order per document, and clears them
 * only after the broker acknowledged them (idempotent producer, {@code acks=all}). A short lease on the
 * document keeps two replicas from relaying the same document at once; if a replica dies, its lease
 * expires and another one carries on. Any duplicate this still allows is harmless: consumers apply each
 * subject's sequence once (docs/architecture.md, "The outbox").
 *
 * <p>The documents this replica just wrote are relayed at once, by id; a sweep of every document with
 * pending events (found through the sparse unique index on {@value Outbox#PENDING}) runs once per poll
 * interval, for what another replica or a failed round left behind, and measures the backlog. A round
 * handles its documents together, per collection: one lease update, one read, the local writes in
 * parallel, every event sent before the acknowledgements are awaited, and one bulk write that clears them.
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
    private final Set<Written> written = ConcurrentHashMap.newKeySet();
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

    /** A document with pending events, in one of the outbox's collections. */
    private record Written(String collection, String id) {
    }

    /** Relays the events document {@code id} of {@code collection} has just stored now, rather than at the next sweep. */
    void wake(String collection, String id) {
        written.add(new Written(collection, id));
        wake.release();
    }

    /** Relays the pending events of {@code documents}, a collection at a time; returns how many the broker acknowledged. */
    private int relay(Collection<Written> documents) {
        int relayed = 0;
        RuntimeException failed = null;
        Map<String, List<String>> byCollection = documents.stream().collect(Collectors.groupingBy(Written::collection,
                LinkedHashMap::new, Collectors.mapping(Written::id, Collectors.toList())));
        for (Map.Entry<String, List<String>> collection : byCollection.entrySet()) {
            try {
                relayed += relay(collection.getKey(), collection.getValue());
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return relayed;
    }

    /**
     * Relays the pending events of {@code ids}; returns how many events the broker acknowledged. A round
     * costs the same few database round trips however many documents it holds (claim, read, local
     * writes in parallel, clear): a relay thread that paid several sequential round trips per document
     * fell behind the requests writing beside it.
     */
    private int relay(String collection, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<Document> claimed = claim(collection, ids);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<String> claimedIds = claimed.stream().map(document -> document.getString("_id")).toList();
        try {
            applyLocalWrites(claimed);
        } catch (RuntimeException e) {
            release(collection, claimedIds);
            throw new IllegalStateException("Could not apply the local writes of " + claimedIds, e);
        }
        List<Sent> sent = claimed.stream().map(this::send).toList();
        List<Sent> acknowledged = new ArrayList<>();
        List<String> unacknowledged = new ArrayList<>();
        RuntimeException failed = null;
        for (Sent document : sent) {
            try {
                for (CompletableFuture<SendResult<String, byte[]>> ack : document.acks()) {
                    ack.get(60, TimeUnit.SECONDS);
                }
                acknowledged.add(document);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                unacknowledged.add(document.id());
                failed = new IllegalStateException("Could not relay the events of " + document.id(), e);
            }
        }
        if (!unacknowledged.isEmpty()) {
            release(collection, unacknowledged);
        }
        int relayed = clear(collection, acknowledged);
        if (failed != null) {
            throw failed;
        }
        return relayed;
    }

    /**
     * Every document with pending events: sets the backlog, and returns those no live lease holds, at
     * most {@code BATCH} of them.
     */
    private List<Written> sweep() {
        Instant now = Instant.now();
        long events = 0;
        List<Written> due = new ArrayList<>();
        for (String collection : settings.collections()) {
            for (Document document : mongo.find(pending(), Document.class, collection).toIterable()) {
                events += document.getList(Outbox.EVENTS, Document.class, List.of()).size();
                Document lease = document.get("lease", Document.class);
                if (due.size() < BATCH && (lease == null || lease.getDate("until").toInstant().isBefore(now))) {
                    due.add(new Written(collection, document.getString("_id")));
                }
            }
        }
        backlog.set(events);
        return due;
    }

    /**
     * The documents with pending events, through the sparse unique index on {@value Outbox#PENDING}: a regular
     * expression on an indexed field is answered from the index (by MongoDB and by the wire server alike),
     * where "exists" would make the local wire server scan the collection.
     */
    private static Query pending() {
        Query query = Query.query(Criteria.where(Outbox.PENDING).regex("^"));
        query.fields().include("_id", "lease", Outbox.EVENTS + ".sequence");
        return query;
    }

    /**
     * Indexes the pending documents of every collection, and marks those stored before the index existed, so that
     * the sweep finds them too.
     */
    private void prepare() {
        for (String collection : settings.collections()) {
            mongo.indexOps(collection).createIndex(new Index(Outbox.PENDING, Sort.Direction.ASC).unique().sparse()).block();
            Query unmarked = Query.query(Criteria.where(Outbox.EVENTS + ".0").exists(true).and(Outbox.PENDING).exists(false));
            unmarked.fields().include("_id");
            mongo.find(unmarked, Document.class, collection)
                    .concatMap(document -> mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                            Update.update(Outbox.PENDING, document.get("_id")), collection))
                    .then().block();
        }
    }

    private List<Written> takeWritten() {
        List<Written> documents = new ArrayList<>(written);
        written.removeAll(documents);
        return documents;
    }

    /**
     * Leases those of {@code ids} that have pending events and no live lease, in one update, then reads
     * what this round leased (the lease names the round), with their pending events.
     */
    private List<Document> claim(String collection, Collection<String> ids) {
        Instant now = Instant.now();
        long round = rounds.incrementAndGet();
        Query free = Query.query(Criteria.where("_id").in(ids).and(Outbox.EVENTS + ".0").exists(true)
                .orOperator(Criteria.where("lease").exists(false), Criteria.where("lease.until").lt(now)));
        Update lease = Update.update("lease", new Document("owner", owner).append("round", round)
                .append("until", now.plus(LEASE)));
        mongo.updateMulti(free, lease, collection).block();
        Query leased = Query.query(Criteria.where("_id").in(ids).and("lease.owner").is(owner).and("lease.round").is(round));
        leased.fields().include("_id", Outbox.EVENTS);
        try {
            return mongo.find(leased, Document.class, collection).collectList().block();
        } catch (RuntimeException e) {
            release(collection, ids);
            throw e;
        }
    }

    /** Applies the local writes of the claimed documents' events, all at once: each is idempotent and revisioned. */
    private void applyLocalWrites(List<Document> claimed) {
        Flux.fromIterable(claimed)
                .flatMapIterable(document -> document.getList(Outbox.EVENTS, Document.class))
                .mapNotNull(event -> event.get("localWrite", Document.class))
                .flatMap(localWrites::apply)
                .then()
                .block();
    }

    /** Sends the claimed document's events in sequence order; the acknowledgements are awaited later. */
    private Sent send(Document document) {
        String id = document.getString("_id");
        List<Document> pending = new ArrayList<>(document.getList(Outbox.EVENTS, Document.class));
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

    /** A claimed document whose events are on their way to the broker. */
    private record Sent(String id, List<Document> pending, List<CompletableFuture<SendResult<String, byte[]>>> acks) {
    }

    /**
     * Clears the acknowledged documents' events and their leases, in one bulk write. A document that took no new
     * event meanwhile (its outbox holds just what was sent) loses its outbox and its pending mark in one update;
     * otherwise only the sent events are taken out, and it stays pending.
     */
    private int clear(String collection, List<Sent> acknowledged) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.ORDERED, collection);
        for (Sent sent : acknowledged) {
            List<String> eventIds = sent.pending().stream().map(event -> event.getString("eventId")).toList();
            int sentCount = eventIds.size();
            bulk.updateOne(Query.query(Criteria.where("_id").is(sent.id()).and(Outbox.EVENTS).size(sentCount)
                            .and(Outbox.EVENTS + "." + (sentCount - 1) + ".eventId").is(eventIds.get(sentCount - 1))),
                    new Update().unset(Outbox.EVENTS).unset(Outbox.PENDING).unset("lease"));
            bulk.updateOne(Query.query(Criteria.where("_id").is(sent.id()).and(Outbox.EVENTS + ".eventId").in(eventIds)),
                    new Update().pull(Outbox.EVENTS, new Document("eventId", new Document("$in", eventIds))).unset("lease"));
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

    /** The event as a record; one stored before events named their subject and key is its document's, as then. */
    private ProducerRecord<String, byte[]> record(String documentId, Document event) {
        Instant time = event.getDate("time").toInstant();
        String key = event.get("key", documentId);
        CloudEvent cloudEvent = new CloudEvent(event.getString("eventId"), settings.source(), event.getString("type"),
                event.get("subject", documentId), time, event.get("sequence", Number.class).longValue(),
                event.getString("payload").getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        cloudEvent.headers().forEach(headers::add);
        return new ProducerRecord<>(settings.topic(), null, time.toEpochMilli(), key, cloudEvent.data(), headers);
    }

    private void release(String collection, Collection<String> ids) {
        try {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).and("lease.owner").is(owner)),
                    new Update().unset("lease"), collection).block();
        } catch (RuntimeException e) {
            log.debug("Leases on {} not released; they expire by themselves", ids, e);
        }
    }

    private void run() {
        Duration backoff = POLL;
        Instant nextSweep = Instant.EPOCH;
        boolean prepared = false;
        while (worker != null) {
            try {
                if (!prepared) {
                    prepare();
                    prepared = true;
                }
                Instant now = Instant.now();
                int relayed;
                if (now.isBefore(nextSweep)) {
                    relayed = relay(takeWritten());
                } else {
                    List<Written> due = sweep();
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

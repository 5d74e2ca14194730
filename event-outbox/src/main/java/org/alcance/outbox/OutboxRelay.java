package org.alcance.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * only after the broker acknowledged them (idempotent producer, {@code acks=all}). Consumers apply each
 * subject's sequence once, so a duplicate that a crash or two relays allow is harmless
 * (docs/architecture.md, "The outbox").
 *
 * <p>A write hands the relay the pending events of the document it wrote, all of them, as its own write
 * returned them: those are sent at once without reading the document again, and cleared with one update.
 * So a change costs its own write and that clear. A sweep once per poll interval finds, through the sparse
 * unique index on {@value Outbox#PENDING}, what is older than {@link #SETTLE} and still pending: what
 * another replica, a crash or a failed round left behind. It leases those documents for a while, so that
 * two sweeping replicas do not both send them, and it measures the backlog.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long the sweep leaves a new pending document to the replica that wrote it. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final int BATCH = 100;
    /** Events cleared lately, by id: at most the events of the last seconds at full speed. */
    private static final int REMEMBERED = 20_000;

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties settings;
    private final LocalWrites localWrites;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wake = new Semaphore(0);
    private final Map<Written, List<OutboxEvent>> written = new ConcurrentHashMap<>();
    private final Set<String> cleared = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
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

    /** A document in one of the outbox's collections. */
    private record Written(String collection, String id) {
    }

    /** A document's pending events, as its write returned them or as a sweep leased them. */
    private record Pending(String id, List<OutboxEvent> events, boolean leased) {
    }

    /**
     * Relays now the events that document {@code id} holds pending, all of them as the write that stored them
     * returned them; joined to what an earlier write of the same document handed over, if not yet taken.
     */
    void wake(String collection, String id, List<OutboxEvent> pending) {
        if (!pending.isEmpty()) {
            written.merge(new Written(collection, id), List.copyOf(pending), (earlier, later) -> {
                Map<String, OutboxEvent> both = new LinkedHashMap<>();
                earlier.forEach(event -> both.put(event.eventId(), event));
                later.forEach(event -> both.put(event.eventId(), event));
                return List.copyOf(both.values());
            });
            wake.release();
        }
    }

    /**
     * What writes handed over since the last round, by collection. A write that followed another on the same
     * document may return events this relay has cleared since: those are not sent again.
     */
    private Map<String, List<Pending>> takeWritten() {
        Map<String, List<Pending>> byCollection = new LinkedHashMap<>();
        for (Written document : List.copyOf(written.keySet())) {
            List<OutboxEvent> handed = written.remove(document);
            List<OutboxEvent> events = handed == null ? List.of()
                    : handed.stream().filter(event -> !cleared.contains(event.eventId())).toList();
            if (!events.isEmpty()) {
                byCollection.computeIfAbsent(document.collection(), c -> new ArrayList<>())
                        .add(new Pending(document.id(), events, false));
            }
        }
        return byCollection;
    }

    /** Relays a round's documents, a collection at a time; returns how many events the broker acknowledged. */
    private int relay(Map<String, List<Pending>> round) {
        int relayed = 0;
        RuntimeException failed = null;
        for (Map.Entry<String, List<Pending>> collection : round.entrySet()) {
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
     * Relays the pending events of {@code documents}; returns how many events the broker acknowledged. A round
     * costs the same few database round trips however many documents it holds (local writes in parallel, one
     * bulk clear): a relay thread that paid several sequential round trips per document fell behind the
     * requests writing beside it.
     */
    private int relay(String collection, List<Pending> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        try {
            applyLocalWrites(documents);
        } catch (RuntimeException e) {
            release(collection, documents);
            throw new IllegalStateException("Could not apply the local writes of "
                    + documents.stream().map(Pending::id).toList(), e);
        }
        List<Sent> sent = documents.stream().map(this::send).toList();
        List<Sent> acknowledged = new ArrayList<>();
        List<Pending> unacknowledged = new ArrayList<>();
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
                unacknowledged.add(document.pending());
                failed = new IllegalStateException("Could not relay the events of " + document.pending().id(), e);
            }
        }
        release(collection, unacknowledged);
        int relayed = clear(collection, acknowledged);
        if (failed != null) {
            throw failed;
        }
        return relayed;
    }

    /**
     * Every document with pending events: sets the backlog, and leases those that are older than {@link #SETTLE},
     * that no live lease holds and that no write of this replica handed over, at most {@code BATCH} of them.
     */
    private Map<String, List<Pending>> sweep() {
        Instant now = Instant.now();
        String settled = Outbox.pendingMark(now.minus(SETTLE), "");
        long events = 0;
        Map<String, List<Pending>> due = new LinkedHashMap<>();
        int count = 0;
        for (String collection : settings.collections()) {
            List<String> ids = new ArrayList<>();
            for (Document document : mongo.find(pending(), Document.class, collection).toIterable()) {
                events += document.getList(Outbox.EVENTS, Document.class, List.of()).size();
                Document lease = document.get("lease", Document.class);
                String id = document.getString("_id");
                if (count < BATCH && document.getString(Outbox.PENDING).compareTo(settled) < 0
                        && (lease == null || lease.getDate("until").toInstant().isBefore(now))
                        && !written.containsKey(new Written(collection, id))) {
                    ids.add(id);
                    count++;
                }
            }
            if (!ids.isEmpty()) {
                due.put(collection, claim(collection, ids));
            }
        }
        backlog.set(events);
        return due;
    }

    /**
     * The documents with pending events, through the sparse unique index on {@value Outbox#PENDING}: a regular
     * expression on an indexed field is answered from the index (by MongoDB and by the wire server alike), where
     * "exists" would make the local wire server scan the collection.
     */
    private static Query pending() {
        Query query = Query.query(Criteria.where(Outbox.PENDING).regex("^"));
        query.fields().include("_id", "lease", Outbox.PENDING, Outbox.EVENTS + ".sequence");
        return query;
    }

    /**
     * Indexes the pending documents of every collection, and marks those stored before the index existed as
     * pending since long ago, so that the sweep relays them at once.
     */
    private void prepare() {
        for (String collection : settings.collections()) {
            mongo.indexOps(collection).createIndex(new Index(Outbox.PENDING, Sort.Direction.ASC).unique().sparse()).block();
            Query unmarked = Query.query(Criteria.where(Outbox.EVENTS + ".0").exists(true).and(Outbox.PENDING).exists(false));
            unmarked.fields().include("_id");
            mongo.find(unmarked, Document.class, collection)
                    .concatMap(document -> mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                            Update.update(Outbox.PENDING, Outbox.pendingMark(Instant.EPOCH, document.getString("_id"))),
                            collection))
                    .then().block();
        }
    }

    /**
     * Leases those of {@code ids} that have pending events and no live lease, in one update, then reads what this
     * round leased (the lease names the round), with their pending events.
     */
    private List<Pending> claim(String collection, List<String> ids) {
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
            return mongo.find(leased, Document.class, collection).map(document -> new Pending(document.getString("_id"),
                    document.getList(Outbox.EVENTS, Document.class).stream()
                            .map(event -> mongo.getConverter().read(OutboxEvent.class, event)).toList(), true))
                    .collectList().block();
        } catch (RuntimeException e) {
            release(collection, ids.stream().map(id -> new Pending(id, List.of(), true)).toList());
            throw e;
        }
    }

    /** Applies the local writes of the documents' events, all at once: each is idempotent and revisioned. */
    private void applyLocalWrites(List<Pending> documents) {
        Flux.fromIterable(documents)
                .flatMapIterable(Pending::events)
                .mapNotNull(OutboxEvent::localWrite)
                .flatMap(localWrites::apply)
                .then()
                .block();
    }

    /** Sends the document's events in sequence order; the acknowledgements are awaited later. */
    private Sent send(Pending document) {
        List<OutboxEvent> events = new ArrayList<>(document.events());
        events.sort(Comparator.comparingLong(OutboxEvent::sequence));
        List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();
        for (OutboxEvent event : events) {
            try {
                acks.add(kafka.send(record(document.id(), event)));
            } catch (RuntimeException e) {
                // the events after a refused one must not go out before it
                acks.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        return new Sent(document, events, acks);
    }

    /** A document whose events are on their way to the broker. */
    private record Sent(Pending pending, List<OutboxEvent> events, List<CompletableFuture<SendResult<String, byte[]>>> acks) {

        List<String> eventIds() {
            return events.stream().map(OutboxEvent::eventId).toList();
        }
    }

    /**
     * Clears the acknowledged documents' events (and leases) with one bulk write: a document that took no new
     * event meanwhile (its outbox holds just what was sent, the last one last) loses its outbox and its pending
     * mark in one update. Only if some document did take one (fewer matched than were sent), a second bulk write
     * takes the sent events out of every document of the round, and the mark off those left with none: an
     * update that matches nothing costs little, but three per document in every round cost the store a third of
     * its time.
     */
    private int clear(String collection, List<Sent> acknowledged) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        Update done = new Update().unset(Outbox.EVENTS).unset(Outbox.PENDING).unset("lease");
        ReactiveBulkOperations exact = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (Sent sent : acknowledged) {
            List<String> eventIds = sent.eventIds();
            int count = eventIds.size();
            exact.updateOne(Query.query(Criteria.where("_id").is(sent.pending().id()).and(Outbox.EVENTS).size(count)
                    .and(Outbox.EVENTS + "." + (count - 1) + ".eventId").is(eventIds.get(count - 1))), done);
        }
        if (exact.execute().block().getMatchedCount() < acknowledged.size()) {
            ReactiveBulkOperations rest = mongo.bulkOps(BulkMode.ORDERED, collection);
            for (Sent sent : acknowledged) {
                String id = sent.pending().id();
                rest.updateOne(Query.query(Criteria.where("_id").is(id).and(Outbox.EVENTS + ".eventId").in(sent.eventIds())),
                        new Update().pull(Outbox.EVENTS, new Document("eventId", new Document("$in", sent.eventIds())))
                                .unset("lease"));
                rest.updateOne(Query.query(Criteria.where("_id").is(id).and(Outbox.EVENTS).size(0)), done);
            }
            rest.execute().block();
        }
        int relayed = 0;
        for (Sent sent : acknowledged) {
            sent.events().forEach(event -> {
                cleared.add(event.eventId());
                meters.counter("alcance.outbox.published", "type", event.type()).increment();
            });
            relayed += sent.events().size();
        }
        return relayed;
    }

    /** The event as a record; one stored before events named their subject and key is its document's, as then. */
    private ProducerRecord<String, byte[]> record(String documentId, OutboxEvent event) {
        String key = event.key() != null ? event.key() : documentId;
        CloudEvent cloudEvent = new CloudEvent(event.eventId(), settings.source(), event.type(),
                event.subject() != null ? event.subject() : documentId, event.time(), event.sequence(),
                event.payload().getBytes(StandardCharsets.UTF_8));
        RecordHeaders headers = new RecordHeaders();
        cloudEvent.headers().forEach(headers::add);
        return new ProducerRecord<>(settings.topic(), null, event.time().toEpochMilli(), key, cloudEvent.data(), headers);
    }

    /** Gives up the leases of those documents a sweep leased; the others were never leased. */
    private void release(String collection, Collection<Pending> documents) {
        List<String> ids = documents.stream().filter(Pending::leased).map(Pending::id).toList();
        if (ids.isEmpty()) {
            return;
        }
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
                // the sweep goes first: it measures the backlog also while sending blocks on an absent broker
                Map<String, List<Pending>> due = Map.of();
                Instant now = Instant.now();
                if (!now.isBefore(nextSweep)) {
                    due = sweep();
                    // a full batch means more are waiting: sweep again right away
                    nextSweep = due.values().stream().mapToInt(List::size).sum() < BATCH ? now.plus(POLL) : now;
                }
                Map<String, List<Pending>> round = new LinkedHashMap<>(takeWritten());
                due.forEach((collection, swept) -> round.merge(collection, swept, (handed, leased) -> {
                    List<Pending> both = new ArrayList<>(handed);
                    both.addAll(leased);
                    return both;
                }));
                int relayed = relay(round);
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
                nextSweep = Instant.EPOCH; // after a failed round, sweep: what it could not relay is still pending
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

package org.alcance.outbox;

import com.mongodb.MongoBulkWriteException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alcance.events.DomainEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.EventTypes;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Stores events in the document whose change they describe, in the write that makes the change (see
 * docs/architecture.md, "The outbox"), and hands them to the relay once they are stored. A document with
 * pending events has a mark, {@value #PENDING}, that names it and when its oldest pending event was stored:
 * a sparse unique index on the mark lets the relay find every such document without scanning the collection.
 */
public class Outbox {

    /** Pending events one document may hold while the broker is away, well inside MongoDB's 16 MB per document. */
    public static final int MAX_PENDING = 5_000;

    static final String EVENTS = "outbox";
    static final String PENDING = "pending";
    private static final int DUPLICATE_KEY = 11000;

    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;
    private final ReactiveMongoTemplate mongo;

    Outbox(EventCodec codec, Clock clock, OutboxRelay relay, ReactiveMongoTemplate mongo) {
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
        this.mongo = mongo;
    }

    /** The event as it waits in its subject's document, numbered {@code sequence} among the subject's events. */
    public OutboxEvent entry(DomainEvent event, long sequence, OutboxEvent.LocalWrite localWrite) {
        return new OutboxEvent(UUID.randomUUID().toString(), EventTypes.typeOf(event), event.subject(),
                event.aggregateId(), sequence, clock.instant(), new String(codec.write(event), StandardCharsets.UTF_8),
                localWrite);
    }

    public List<OutboxEvent> entries(List<DomainEvent> events, long lastSequence) {
        List<OutboxEvent> entries = new ArrayList<>();
        for (DomainEvent event : events) {
            entries.add(entry(event, lastSequence + entries.size() + 1, null));
        }
        return entries;
    }

    /** The pending mark: the time of the oldest pending event, fixed-width so that marks sort by time, and the id. */
    static String pendingMark(Instant since, String id) {
        return "%013d|%s".formatted(since.toEpochMilli(), id);
    }

    /** {@code entity} as MongoDB stores it, carrying {@code events} as its pending ones. */
    private Document document(Object entity, String id, List<OutboxEvent> events) {
        Document document = new Document();
        mongo.getConverter().write(entity, document);
        List<Document> pending = new ArrayList<>();
        for (OutboxEvent event : events) {
            Document stored = new Document();
            mongo.getConverter().write(event, stored);
            pending.add(stored);
        }
        document.put(EVENTS, pending);
        if (!pending.isEmpty()) {
            document.put(PENDING, pendingMark(clock.instant(), id));
        }
        return document;
    }

    /**
     * Inserts a new document with its first events in one write, then wakes the relay; a second insert of the
     * same id fails as a duplicate key.
     */
    public <T> Mono<T> insert(T entity, String id, String collection, List<OutboxEvent> events) {
        return mongo.insert(document(entity, id, events), collection)
                .doOnSuccess(inserted -> stored(collection, id, events))
                .thenReturn(entity);
    }

    /** A new document with its first events. */
    public record NewDocument(String id, Object entity, List<OutboxEvent> events) {
    }

    /**
     * Inserts new documents with their first events in one unordered bulk write and hands the relay those that
     * landed; returns the ids another write had taken (a duplicate key), whose documents are left as they were.
     */
    public Mono<Set<String>> insertAll(String collection, List<NewDocument> documents) {
        if (documents.isEmpty()) {
            return Mono.just(Set.of());
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        documents.forEach(document -> bulk.insert(document(document.entity(), document.id(), document.events())));
        return bulk.execute().thenReturn(Set.<String>of())
                .onErrorResume(error -> {
                    MongoBulkWriteException failed = bulkWriteFailure(error);
                    if (failed == null || failed.getWriteConcernError() != null
                            || failed.getWriteErrors().stream().anyMatch(e -> e.getCode() != DUPLICATE_KEY)) {
                        return Mono.error(error);
                    }
                    return Mono.just(failed.getWriteErrors().stream().map(e -> documents.get(e.getIndex()).id())
                            .collect(Collectors.toSet()));
                })
                .doOnNext(taken -> documents.stream().filter(document -> !taken.contains(document.id()))
                        .forEach(document -> stored(collection, document.id(), document.events())));
    }

    /** The driver's report of a bulk write that failed in part, under whatever Spring wrapped it in. */
    private static MongoBulkWriteException bulkWriteFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }

    /**
     * Adds {@code events} to an update of document {@code id}, so that the same write stores them; the mark keeps
     * the time of the oldest pending event.
     */
    public Update withEvents(Update changes, String id, List<OutboxEvent> events) {
        if (!events.isEmpty()) {
            changes.push(EVENTS).each(events.toArray()).min(PENDING, pendingMark(clock.instant(), id));
        }
        return changes;
    }

    /**
     * Writes {@code changes} with {@code events} to the document {@code unchanged} finds, in one write that returns
     * what the document then holds pending, and hands that to the relay; false if no document matched.
     */
    public Mono<Boolean> update(String collection, Query unchanged, Update changes, String id, List<OutboxEvent> events) {
        Query query = Query.of(unchanged);
        query.fields().include(EVENTS);
        return mongo.findAndModify(query, withEvents(changes, id, events), FindAndModifyOptions.options().returnNew(true),
                        Document.class, collection)
                .map(written -> {
                    stored(collection, id, written.getList(EVENTS, Document.class, List.of()).stream()
                            .map(event -> mongo.getConverter().read(OutboxEvent.class, event)).toList());
                    return true;
                })
                .defaultIfEmpty(false);
    }

    /**
     * Hands the relay the events document {@code id} holds pending, all of them, as the write that stored them
     * returned them, so that they leave now rather than at the next sweep.
     */
    public void stored(String collection, String id, List<OutboxEvent> pending) {
        relay.wake(collection, id, pending);
    }
}

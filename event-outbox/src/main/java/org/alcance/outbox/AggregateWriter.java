package org.alcance.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every change to an aggregate is one conditional single-document write that applies the change
 * and appends its events to the outbox together. The writes of one aggregate within a process take
 * turns ({@link Turns}); a write that lost a race with another process is decided again on the fresh
 * document. The documents live in {@code collection}, one of the outbox's, and keep {@code changedAt} as
 * the time of their last write. A service says how it refuses (its error type) by implementing
 * {@link #notFound} and {@link #unavailable}.
 */
public abstract class AggregateWriter<T extends Aggregate> {

    private static final int MAX_ATTEMPTS = 100;

    private final Class<T> type;
    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final String collection;
    private final Turns turns = new Turns(Duration.ofSeconds(5));

    protected AggregateWriter(Class<T> type, String collection, ReactiveMongoTemplate mongo, Outbox outbox,
            Clock clock) {
        this.type = type;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.collection = collection;
    }

    /** What to change in the document, and the events that say so, numbered after its sequence. */
    public record Append(Update changes, List<OutboxEvent> events) {
    }

    /** The error for an aggregate that does not exist. */
    protected abstract RuntimeException notFound(String id);

    /**
     * The error for a change the aggregate cannot take now, though it may later: {@code why} says
     * whether too many of its events await the broker or too many writers race for it.
     */
    protected abstract RuntimeException unavailable(String id, String why);

    public Mono<T> find(String id) {
        return mongo.findById(id, type, collection);
    }

    /** Stores a new aggregate with its first events; a second insert of the same id fails as a duplicate key. */
    public Mono<T> insert(T aggregate) {
        return outbox.insert(aggregate, aggregate.id(), collection, aggregate.outbox());
    }

    /**
     * As {@link #append}, for an aggregate that may not exist yet: then {@code first} makes it with its first
     * events (and may throw to refuse). If another request stored it first, the change is decided on that one.
     */
    public Mono<T> appendOrInsert(String id, Function<T, Append> decide, Supplier<T> first) {
        return find(id).hasElement().flatMap(exists -> exists ? append(id, decide)
                : Mono.fromSupplier(first).flatMap(this::insert)
                        .onErrorResume(DuplicateKeyException.class, anotherWasFirst -> append(id, decide)));
    }

    /**
     * Reads the aggregate, lets {@code decide} check it and say what to append, and writes that only
     * if nothing else was written meanwhile; otherwise decides again. {@code decide} may throw to refuse.
     */
    public Mono<T> append(String id, Function<T, Append> decide) {
        return appendAfter(id, current -> Mono.fromCallable(() -> decide.apply(current)));
    }

    /** As {@link #append}, for a decision that needs to read more than the aggregate. */
    public Mono<T> appendAfter(String id, Function<T, Mono<Append>> decide) {
        return turns.inTurn(id, Mono.defer(() -> find(id)
                        .switchIfEmpty(Mono.error(() -> notFound(id)))
                        .flatMap(current -> decide.apply(current).flatMap(append -> write(current, append))))
                // a short, jittered pause lets writers of one aggregate in other processes take turns
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(50)).jitter(0.5)
                        .filter(ConcurrentWrite.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> unavailable(id, "too many requests change it at once"))))
                .doOnSuccess(written -> outbox.stored(collection, id, written.outbox()));
    }

    private Mono<T> write(T current, Append append) {
        if (current.outbox().size() + append.events().size() > Outbox.MAX_PENDING) {
            return Mono.error(unavailable(current.id(), "too many of its events are waiting for the message broker"));
        }
        Update update = outbox.withEvents(append.changes()
                .set("sequence", current.sequence() + append.events().size())
                .set("changedAt", clock.instant()), current.id(), append.events());
        Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and("sequence").is(current.sequence()));
        return mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), type, collection)
                .switchIfEmpty(Mono.error(new ConcurrentWrite()));
    }

    /** Another write got there first; the change is decided again on the fresh document. */
    private static final class ConcurrentWrite extends RuntimeException {

        ConcurrentWrite() {
            super("concurrent write", null, false, false);
        }
    }
}

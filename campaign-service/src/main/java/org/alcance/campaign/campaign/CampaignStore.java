package org.alcance.campaign.campaign;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.alcance.outbox.Outbox;
import org.alcance.outbox.OutboxEvent;
import org.alcance.web.Problem;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every change to a campaign, its progress updates' included, is one conditional single-document
 * write that applies the change and appends its events to the outbox together. A write that lost a
 * race with another one is decided again on the fresh document.
 */
@Component
public class CampaignStore {

    private static final int MAX_ATTEMPTS = 100;

    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    CampaignStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What to change in the document, and the events that say so, numbered after its sequence. */
    public record Append(Update changes, List<OutboxEvent> events) {
    }

    public Mono<Campaign> find(String id) {
        return mongo.findById(id, Campaign.class);
    }

    Mono<Campaign> insert(Campaign campaign) {
        return mongo.insert(campaign).doOnSuccess(stored -> outbox.stored());
    }

    /**
     * Reads the campaign, lets {@code decide} check it and say what to append, and writes that only
     * if nothing else was written meanwhile; otherwise decides again. {@code decide} may throw a
     * {@link Problem} to refuse.
     */
    public Mono<Campaign> append(String id, Function<Campaign, Append> decide) {
        return appendAfter(id, current -> Mono.fromCallable(() -> decide.apply(current)));
    }

    /** As {@link #append}, for a decision that needs to read more than the campaign. */
    public Mono<Campaign> appendAfter(String id, Function<Campaign, Mono<Append>> decide) {
        return Mono.defer(() -> find(id)
                        .switchIfEmpty(Mono.error(Problem.notFound("Campaign " + id)))
                        .flatMap(current -> decide.apply(current).flatMap(append -> write(current, append))))
                .retryWhen(Retry.max(MAX_ATTEMPTS).filter(ConcurrentWrite.class::isInstance))
                .doOnSuccess(stored -> outbox.stored());
    }

    private Mono<Campaign> write(Campaign current, Append append) {
        if (current.outbox().size() + append.events().size() > Outbox.MAX_PENDING) {
            return Mono.error(new Problem(HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many events of this campaign are waiting for the message broker; retry later"));
        }
        Update update = append.changes()
                .set("sequence", current.sequence() + append.events().size())
                .set("changedAt", clock.instant());
        if (!append.events().isEmpty()) {
            update.push("outbox").each(append.events().toArray());
        }
        Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and("sequence").is(current.sequence()));
        return mongo.findAndModify(unchanged, update, FindAndModifyOptions.options().returnNew(true), Campaign.class)
                .switchIfEmpty(Mono.error(new ConcurrentWrite()));
    }

    /** Another write got there first; the change is decided again on the fresh document. */
    private static final class ConcurrentWrite extends RuntimeException {

        ConcurrentWrite() {
            super("concurrent write", null, false, false);
        }
    }
}

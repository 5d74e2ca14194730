package org.alcance.training.period;

import java.time.LocalDate;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.web.ApprovedPeriods;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The offices' reporting periods as campaign-service's events tell them (docs/architecture.md, "Reporting
 * periods"): an approved one locks the sessions, attendance and completions dated inside it. One document per
 * office's period, replaced only by an event later in that period's sequence, so a redelivered or replayed
 * event changes nothing.
 */
@Component
public class PeriodLocks {

    static final String COLLECTION = "period_locks";

    private final ReactiveMongoTemplate mongo;

    PeriodLocks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(COLLECTION)
    record KnownPeriod(@Id String id, String office, String period, LocalDate from, LocalDate to,
            PeriodStatus status, long sequence) {
    }

    /** The office's approved periods, read for one request. */
    public Mono<ApprovedPeriods> of(String office) {
        return ApprovedPeriods.of(mongo, COLLECTION, office);
    }

    /** Records where a period now stands, unless an event later in its sequence was recorded already. */
    Mono<Void> record(PeriodStatusChanged event, long sequence) {
        String id = PeriodStatusChanged.idOf(event.office(), event.period());
        Query earlier = Query.query(Criteria.where("_id").is(id).and("sequence").lt(sequence));
        Update update = Update.update("office", event.office()).set("period", event.period()).set("from", event.from())
                .set("to", event.to()).set("status", event.status()).set("sequence", sequence);
        return mongo.upsert(earlier, update, KnownPeriod.class)
                // the period is stored at this sequence or a later one: nothing to change
                .onErrorResume(DuplicateKeyException.class, later -> Mono.empty()).then();
    }
}

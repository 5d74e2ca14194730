package org.alcance.campaign.period;

import org.alcance.events.period.PeriodStatus;
import org.alcance.web.ApprovedPeriods;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The approved, and so locked, reporting periods of an office: nothing dated inside one is reported, corrected
 * or retracted until an admin reopens it. One read of the office's approved periods per request, beside the
 * campaign's.
 */
@Component
public class PeriodLocks {

    private final ReactiveMongoTemplate mongo;

    PeriodLocks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<ApprovedPeriods> of(String office) {
        Query query = Query.query(Criteria.where("office").is(office).and("status").is(PeriodStatus.APPROVED));
        query.fields().include("office", "period", "from", "to");
        return mongo.find(query, ApprovedPeriods.Period.class, ReportingPeriod.COLLECTION).collectList()
                .map(ApprovedPeriods::new);
    }
}

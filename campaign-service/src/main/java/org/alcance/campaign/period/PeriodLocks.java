package org.alcance.campaign.period;

import org.alcance.web.ApprovedPeriods;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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
        return ApprovedPeriods.of(mongo, ReportingPeriod.COLLECTION, office);
    }
}

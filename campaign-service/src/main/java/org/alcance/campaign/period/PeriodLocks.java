package org.alcance.campaign.period;

import java.time.LocalDate;
import java.util.List;
import org.alcance.events.period.PeriodStatus;
import org.alcance.web.Problem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
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

    public Mono<Locks> of(String office) {
        Query query = Query.query(Criteria.where("office").is(office).and("status").is(PeriodStatus.APPROVED));
        query.fields().include("office", "period", "from", "to");
        return mongo.find(query, Lock.class, ReportingPeriod.COLLECTION).collectList().map(Locks::new);
    }

    /** An office's locked periods, as read for one request. */
    public static final class Locks {

        private final List<Lock> locks;

        private Locks(List<Lock> locks) {
            this.locks = locks;
        }

        /** @throws Problem 409 naming {@code field} and the lock if {@code day} falls in a locked period */
        public void requireOpen(LocalDate day, String field) {
            for (Lock lock : locks) {
                if (!day.isBefore(lock.from()) && !day.isAfter(lock.to())) {
                    throw new Problem(HttpStatus.CONFLICT, "Reporting period " + lock.period() + " of office "
                            + lock.office() + " is approved and locked", List.of(new Problem.FieldError(field,
                            day + " falls in " + lock.office() + "'s reporting period " + lock.period() + " ("
                                    + lock.from() + " to " + lock.to() + "), approved and locked; an admin may reopen it")));
                }
            }
        }
    }

    private record Lock(String office, String period, LocalDate from, LocalDate to) {
    }
}

package org.alcance.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * An office's approved, and so locked, reporting periods as a service read them for one request: nothing dated
 * inside one changes until an admin reopens it. campaign-service reads them from the periods it owns,
 * training-service from those it learns of on the campaign topic (docs/architecture.md, "Reporting periods").
 */
public final class ApprovedPeriods {

    /** One approved period of an office: its name and its first and last days. */
    public record Period(String office, String period, LocalDate from, LocalDate to) {
    }

    private final List<Period> periods;

    private ApprovedPeriods(List<Period> periods) {
        this.periods = List.copyOf(periods);
    }

    /**
     * The approved periods of {@code office} among the documents of {@code collection}, each of which holds an
     * office's period: its {@code office}, {@code period}, {@code from}, {@code to} and {@code status}.
     */
    public static Mono<ApprovedPeriods> of(ReactiveMongoTemplate mongo, String collection, String office) {
        // the name of PeriodStatus.APPROVED of the event contracts, as both services store a period's status
        Query query = Query.query(Criteria.where("office").is(office).and("status").is("APPROVED"));
        query.fields().include("office", "period", "from", "to");
        return mongo.find(query, Period.class, collection).collectList().map(ApprovedPeriods::new);
    }

    /** @throws Problem 409 naming {@code field} and the lock if {@code day} falls in an approved period */
    public void requireOpen(LocalDate day, String field) {
        for (Period lock : periods) {
            if (!day.isBefore(lock.from()) && !day.isAfter(lock.to())) {
                throw new Problem(HttpStatus.CONFLICT, "Reporting period " + lock.period() + " of office "
                        + lock.office() + " is approved and locked", List.of(new Problem.FieldError(field,
                        day + " falls in " + lock.office() + "'s reporting period " + lock.period() + " ("
                                + lock.from() + " to " + lock.to() + "), approved and locked; an admin may reopen it")));
            }
        }
    }
}

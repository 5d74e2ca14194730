package org.alcance.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;

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

    public ApprovedPeriods(List<Period> periods) {
        this.periods = List.copyOf(periods);
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

package org.alcance.campaign.period;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.alcance.campaign.AggregateStore;
import org.alcance.events.period.PeriodFrequency;
import org.alcance.events.period.PeriodFrequency.CalendarPeriod;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.period.ReportingScheduleSet;
import org.alcance.outbox.AggregateWriter.Append;
import org.alcance.outbox.Outbox;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisation's reporting schedule and each office's periods (docs/architecture.md, "Reporting periods").
 * Each is an aggregate of its own, changed by one conditional write with its event; an approved period locks the
 * progress updates dated inside it ({@link PeriodLocks}).
 */
@Service
class PeriodService {

    /** UTC+14 is the earliest time zone: a period has ended for some office once it has ended there. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);
    private static final int DEFAULT_DUE_DAYS = 15;

    private final AggregateStore<ReportingSchedule> schedules;
    private final AggregateStore<ReportingPeriod> periods;
    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    PeriodService(AggregateStore<ReportingSchedule> schedules, AggregateStore<ReportingPeriod> periods, ReactiveMongoTemplate mongo,
            Outbox outbox, Clock clock) {
        this.schedules = schedules;
        this.periods = periods;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    Mono<ReportingSchedule> schedule() {
        return schedules.find(ReportingScheduleSet.ID).switchIfEmpty(Mono.error(() -> new Problem(HttpStatus.NOT_FOUND,
                "No reporting schedule is set yet; an admin sets it with PUT /api/reporting-schedule")));
    }

    /**
     * Sets the schedule. Its frequency no longer changes once a period was submitted, since period names depend
     * on it; its start and due days may.
     */
    Mono<ReportingSchedule> setSchedule(Caller caller, PeriodRequests.Schedule request) {
        if (!caller.roles().contains("admin")) {
            return Mono.error(Problem.forbidden("Only the admin role sets the reporting schedule"));
        }
        Violations violations = new Violations().required(request.frequency(), "frequency")
                .within(request.frequency(), Arrays.stream(PeriodFrequency.values()).map(Enum::name).toList(),
                        "frequency")
                .required(request.startsOn(), "startsOn");
        int dueDays = request.dueDays() == null ? DEFAULT_DUE_DAYS : request.dueDays();
        violations.check(dueDays >= 0 && dueDays <= 366, "dueDays", "must be a whole number of days from 0 to 366");
        if (violations.isEmpty()) {
            LocalDate first = PeriodFrequency.valueOf(request.frequency()).containing(request.startsOn()).from();
            violations.check(first.equals(request.startsOn()), "startsOn",
                    "must be the first day of a " + request.frequency() + " period, such as " + first);
        }
        violations.throwIfAny();
        PeriodFrequency frequency = PeriodFrequency.valueOf(request.frequency());
        Instant now = clock.instant();
        ReportingScheduleSet set = new ReportingScheduleSet(frequency, request.startsOn(), dueDays, now, caller.subject());
        return mongo.exists(new Query(), ReportingPeriod.class).flatMap(anySubmitted -> schedules.appendOrInsert(
                ReportingScheduleSet.ID,
                current -> {
                    if (current.frequency() == frequency && current.startsOn().equals(set.startsOn())
                            && current.dueDays() == dueDays) {
                        return new Append(new Update(), List.of());
                    }
                    if (current.frequency() != frequency && anySubmitted) {
                        throw Problem.conflict("Periods were submitted as " + current.frequency()
                                + " periods; the frequency no longer changes");
                    }
                    return new Append(Update.update("frequency", frequency).set("startsOn", set.startsOn())
                            .set("dueDays", dueDays).set("setBy", caller.subject()),
                            outbox.entries(List.of(set), current.sequence()));
                },
                () -> new ReportingSchedule(ReportingScheduleSet.ID, frequency, set.startsOn(), dueDays, 1, now,
                        caller.subject(), outbox.entries(List.of(set), 0))));
    }

    /** Moves an office's period to {@code wanted}; a period already there is answered as it stands. */
    Mono<ReportingPeriod> move(Caller caller, String office, String periodName, PeriodStatus wanted,
            PeriodRequests.Action body) {
        String comment = body == null ? null : body.comment();
        String reason = body == null ? null : body.reason();
        return Mono.defer(() -> {
            PeriodRules.requireAllowed(caller, office, wanted);
            Violations violations = new Violations();
            switch (wanted) {
                case RETURNED -> violations.text(comment, "comment", 1_000);
                case REOPENED -> violations.text(reason, "reason", 1_000);
                default -> violations.optionalText(comment, "comment", 1_000);
            }
            violations.throwIfAny();
            return schedules.find(ReportingScheduleSet.ID).switchIfEmpty(Mono.error(() -> Problem.conflict(
                    "No reporting schedule is set yet, so there are no periods to submit; an admin sets it first")));
        }).flatMap(schedule -> {
            CalendarPeriod period = period(schedule, periodName);
            String id = PeriodStatusChanged.idOf(office, period.id());
            String name = office + "'s reporting period " + period.id();
            Instant now = clock.instant();
            String note = wanted == PeriodStatus.REOPENED ? reason : comment;
            PeriodStatusChanged changed = new PeriodStatusChanged(office, period.id(), period.from(), period.to(),
                    wanted, now, caller.subject(), note);
            ReportingPeriod.Step step = new ReportingPeriod.Step(wanted, now, caller.subject(), note);
            return periods.appendOrInsert(id,
                    current -> PeriodRules.moves(name, current.status(), wanted, period.to(), today())
                            ? new Append(Update.update("status", wanted).push("history", step),
                                    outbox.entries(List.of(changed), current.sequence()))
                            : new Append(new Update(), List.of()),
                    () -> {
                        PeriodRules.moves(name, null, wanted, period.to(), today());
                        return new ReportingPeriod(id, office, period.id(), period.from(), period.to(), wanted, 1, now,
                                List.of(step), outbox.entries(List.of(changed), 0));
                    });
        });
    }

    Mono<ReportingPeriod> get(Caller caller, String office, String period) {
        return Mono.defer(() -> caller.canRead(office)
                        ? periods.find(PeriodStatusChanged.idOf(office, period)) : Mono.<ReportingPeriod>empty())
                .switchIfEmpty(Mono.error(() -> Problem.notFound("Reporting period " + period + " of office " + office)));
    }

    /** The periods submitted so far, of the caller's own office unless it reads all; oldest first. */
    Flux<ReportingPeriod> list(Caller caller, String office, PeriodStatus status) {
        Query query = new Query();
        if (!caller.readsAllOffices()) {
            query.addCriteria(Criteria.where("office").is(caller.office()));
        }
        if (office != null) {
            query.addCriteria(Criteria.where("office").is(office));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        query.with(org.springframework.data.domain.Sort.by("from", "office"));
        query.fields().exclude("outbox");
        return mongo.find(query, ReportingPeriod.class);
    }

    private static CalendarPeriod period(ReportingSchedule schedule, String name) {
        try {
            CalendarPeriod period = schedule.frequency().parse(name);
            if (period.from().isBefore(schedule.startsOn())) {
                throw invalidPeriod("is before the reporting schedule starts, on " + schedule.startsOn());
            }
            return period;
        } catch (IllegalArgumentException notAPeriod) {
            throw invalidPeriod(notAPeriod.getMessage());
        }
    }

    private static Problem invalidPeriod(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "Not a reporting period of the schedule",
                List.of(new Problem.FieldError("period", detail)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }
}

package org.alcance.reporting.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alcance.events.period.PeriodFrequency.CalendarPeriod;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.events.period.ReportingScheduleSet;
import org.alcance.reporting.figures.Views.Completeness;
import org.alcance.reporting.figures.Views.OfficePeriod;
import org.alcance.reporting.figures.Views.PeriodCompleteness;
import org.alcance.reporting.figures.Views.PeriodStanding;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.history.History;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.PeriodFigures;
import org.alcance.reporting.projection.ScheduleFigures;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where the offices' reporting periods stand, from the active generation's period documents (few, and read
 * when asked for): the standing of the periods a figure covers, and each period's completeness. Figures are
 * {@code APPROVED} where every office in them had its period approved, {@code SUBMITTED} where every one had
 * at least submitted it, else {@code PROVISIONAL}. An office is expected to report for a period that has ended
 * if one of its launched campaigns or its courses (not cancelled) ran during it; it is late if it had not
 * submitted by the due day.
 */
@Component
class PeriodStatuses {

    static final String APPROVED = "APPROVED";
    static final String SUBMITTED = "SUBMITTED";
    static final String PROVISIONAL = "PROVISIONAL";

    private final ReactiveMongoTemplate mongo;
    private final Generations generations;
    private final FigureCache cache;

    PeriodStatuses(ReactiveMongoTemplate mongo, Generations generations, FigureCache cache) {
        this.mongo = mongo;
        this.generations = generations;
        this.cache = cache;
    }

    /** The overview with the standing of each period its months of reach fall in, for the offices it covers. */
    Mono<Views.Overview> withStanding(Views.Overview overview) {
        return schedule().flatMap(schedule -> {
            List<CalendarPeriod> covered = covered(overview, schedule);
            Set<String> offices = offices(overview);
            return storedFor(offices, covered).map(stored -> withStanding(overview, covered, offices, stored));
        }).defaultIfEmpty(overview);
    }

    /** As {@link #withStanding(Views.Overview)}, from the documents of a day of the event log. */
    static Views.Overview withStanding(Views.Overview overview, History history) {
        if (history.schedule() == null) {
            return overview;
        }
        return withStanding(overview, covered(overview, history.schedule()), offices(overview), history.periods());
    }

    /**
     * Each period of the schedule from {@code range}'s start (or the schedule's) to its end (or today), for one
     * office (all if null): no schedule set yet gives no periods.
     */
    Mono<Completeness> completeness(String office, Period range) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Mono.zip(schedule().map(Optional::of).defaultIfEmpty(Optional.empty()), cache.snapshot())
                .flatMap(both -> {
                    if (both.getT1().isEmpty()) {
                        return Mono.just(new Completeness(null, null, List.of()));
                    }
                    ScheduleFigures schedule = both.getT1().get();
                    List<CalendarPeriod> periods = periods(schedule, range, today);
                    return stored(office, periods).map(stored -> completeness(schedule, periods,
                            both.getT2().campaigns(office, null), both.getT2().courses(office, null), stored, today));
                });
    }

    /** As {@link #completeness(String, Period)} on a day of the event log, as it stood at the end of that day. */
    static Completeness completeness(History history, String office, Period range) {
        ScheduleFigures schedule = history.schedule();
        if (schedule == null) {
            return new Completeness(null, null, List.of());
        }
        Map<String, PeriodFigures> stored = new TreeMap<>(history.periods());
        stored.values().removeIf(p -> office != null && !office.equals(p.office()));
        return completeness(schedule, periods(schedule, range, history.day()), history.campaigns(office, null),
                history.courses(office, null), stored, history.day());
    }

    private static List<CalendarPeriod> periods(ScheduleFigures schedule, Period range, LocalDate today) {
        LocalDate start = LocalDate.parse(schedule.startsOn());
        LocalDate first = range.from() == null || range.from().isBefore(start) ? start : range.from();
        LocalDate last = range.to() == null || range.to().isAfter(today) ? today : range.to();
        List<CalendarPeriod> periods = new ArrayList<>();
        for (CalendarPeriod p = schedule.periodFrequency().containing(first); !p.from().isAfter(last); p = p.next()) {
            periods.add(p);
        }
        return periods;
    }

    /** {@code stored}: the office's (or every office's) period documents, by id; those of other periods are ignored. */
    private static Completeness completeness(ScheduleFigures schedule, List<CalendarPeriod> periods,
            List<CampaignFigures> campaigns, List<CourseFigures> courses, Map<String, PeriodFigures> stored,
            LocalDate today) {
        Set<String> offices = new TreeSet<>();
        campaigns.forEach(c -> offices.add(c.office()));
        courses.forEach(c -> offices.add(c.office()));
        stored.values().forEach(p -> offices.add(p.office()));
        List<PeriodCompleteness> answer = new ArrayList<>();
        Instant asOf = schedule.asOf();
        for (CalendarPeriod period : periods) {
            LocalDate due = period.to().plusDays(schedule.dueDays());
            boolean ended = period.to().isBefore(today);
            List<OfficePeriod> rows = new ArrayList<>();
            for (String o : offices) {
                boolean expected = ended && (campaigns.stream().anyMatch(c -> o.equals(c.office())
                        && launched(c) && overlaps(c.startDate(), c.endDate(), period))
                        || courses.stream().anyMatch(c -> o.equals(c.office())
                        && !CourseFigures.CANCELLED.equals(c.status())
                        && overlaps(c.startDate(), c.endDate(), period)));
                PeriodFigures figures = stored.get(PeriodStatusChanged.idOf(o, period.id()));
                if (!expected && figures == null) {
                    continue;
                }
                Instant submittedAt = figures == null ? null : figures.submittedAt();
                boolean late = expected && (submittedAt == null ? today.isAfter(due)
                        : submittedAt.atOffset(ZoneOffset.UTC).toLocalDate().isAfter(due));
                asOf = Views.newest(asOf, figures == null ? null : figures.asOf());
                rows.add(new OfficePeriod(o, status(figures), figures == null ? null : figures.status(),
                        expected, late, submittedAt, figures == null ? List.of() : figures.history()));
            }
            List<OfficePeriod> expected = rows.stream().filter(OfficePeriod::expected).toList();
            answer.add(new PeriodCompleteness(period.id(), period.from().toString(), period.to().toString(),
                    due.toString(), weakest(expected.stream().map(OfficePeriod::status).toList()), expected.size(),
                    expected.stream().filter(r -> !PROVISIONAL.equals(r.status())).count(),
                    expected.stream().filter(r -> APPROVED.equals(r.status())).count(),
                    rows.stream().filter(OfficePeriod::late).count(), rows));
        }
        return new Completeness(asOf, new Views.Schedule(schedule.frequency(), schedule.startsOn(),
                schedule.dueDays()), answer);
    }

    private static List<CalendarPeriod> covered(Views.Overview overview, ScheduleFigures schedule) {
        Map<String, CalendarPeriod> covered = new TreeMap<>();
        overview.reach().byMonth().keySet().forEach(month -> {
            CalendarPeriod period = schedule.periodFrequency().containing(LocalDate.parse(month + "-01"));
            covered.put(period.id(), period);
        });
        return List.copyOf(covered.values());
    }

    private static Set<String> offices(Views.Overview overview) {
        Set<String> offices = new TreeSet<>(overview.reach().byOffice().keySet());
        offices.addAll(overview.participants().byOffice().keySet());
        return offices;
    }

    private static Views.Overview withStanding(Views.Overview overview, List<CalendarPeriod> covered,
            Set<String> offices, Map<String, PeriodFigures> stored) {
        return overview.with(covered.stream().map(period -> standing(period, offices, stored)).toList());
    }

    private Mono<ScheduleFigures> schedule() {
        return mongo.findById(ReportingScheduleSet.ID, ScheduleFigures.class, Generations.schedules(generations.active()))
                .filter(ScheduleFigures::seen);
    }

    /** The stored periods of {@code offices} among {@code periods}, by id. */
    private Mono<Map<String, PeriodFigures>> storedFor(Collection<String> offices, Collection<CalendarPeriod> periods) {
        if (offices.isEmpty() || periods.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> ids = new ArrayList<>();
        offices.forEach(o -> periods.forEach(p -> ids.add(PeriodStatusChanged.idOf(o, p.id()))));
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), PeriodFigures.class,
                Generations.periods(generations.active())).collectMap(PeriodFigures::id);
    }

    /** The stored periods of {@code office} (all if null) among {@code periods}, by id. */
    private Mono<Map<String, PeriodFigures>> stored(String office, List<CalendarPeriod> periods) {
        if (periods.isEmpty()) {
            return Mono.just(Map.of());
        }
        Set<String> names = periods.stream().map(CalendarPeriod::id).collect(Collectors.toSet());
        Query query = Query.query(Criteria.where("period").in(names));
        if (office != null) {
            query.addCriteria(Criteria.where("office").is(office));
        }
        return mongo.find(query, PeriodFigures.class, Generations.periods(generations.active()))
                .collectMap(PeriodFigures::id, Function.identity());
    }

    private static PeriodStanding standing(CalendarPeriod period, Set<String> offices, Map<String, PeriodFigures> stored) {
        Map<String, String> byOffice = new TreeMap<>();
        offices.forEach(o -> byOffice.put(o, status(stored.get(PeriodStatusChanged.idOf(o, period.id())))));
        return new PeriodStanding(period.id(), period.from().toString(), period.to().toString(),
                weakest(byOffice.values()), byOffice);
    }

    private static String status(PeriodFigures period) {
        return period == null ? PROVISIONAL : period.approved() ? APPROVED : period.submitted() ? SUBMITTED : PROVISIONAL;
    }

    /** APPROVED if all are, SUBMITTED if all are at least that, else PROVISIONAL (also when there is none). */
    private static String weakest(Collection<String> statuses) {
        if (statuses.isEmpty() || statuses.contains(PROVISIONAL)) {
            return PROVISIONAL;
        }
        return statuses.contains(SUBMITTED) ? SUBMITTED : APPROVED;
    }

    private static boolean launched(CampaignFigures campaign) {
        return "ACTIVE".equals(campaign.status()) || "COMPLETED".equals(campaign.status());
    }

    private static boolean overlaps(String start, String end, CalendarPeriod period) {
        return start != null && end != null && !LocalDate.parse(start).isAfter(period.to())
                && !LocalDate.parse(end).isBefore(period.from());
    }
}

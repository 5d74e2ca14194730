package org.alcance.reporting.figures;

import static org.alcance.reporting.figures.Views.newest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.alcance.events.campaign.Place;
import org.alcance.reporting.generation.Generations;
import org.alcance.reporting.history.EventHistory;
import org.alcance.reporting.history.History;
import org.alcance.reporting.projection.CampaignFigures;
import org.alcance.reporting.projection.CampaignFigures.Cell;
import org.alcance.reporting.projection.CampaignFigures.Reach;
import org.alcance.reporting.projection.CampaignFigures.Update;
import org.alcance.reporting.projection.Counts;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.Figures;
import org.alcance.reporting.figures.Views.AudienceProgress;
import org.alcance.reporting.figures.Views.CampaignDetail;
import org.alcance.reporting.figures.Views.CampaignSummary;
import org.alcance.reporting.figures.Views.CourseDetail;
import org.alcance.reporting.figures.Views.CourseSummary;
import org.alcance.reporting.figures.Views.Filters;
import org.alcance.reporting.figures.Views.Month;
import org.alcance.reporting.figures.Views.OfficeFigures;
import org.alcance.reporting.figures.Views.Overview;
import org.alcance.web.Caller;
import org.alcance.web.Problem;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * Every figure is folded from the per-aggregate documents of the active generation, each rebuilt exactly from
 * its aggregate's events: there is no counter of its own that could drift from them. Without a period,
 * campaigns are folded from their cells, as {@link FigureCache} holds them in memory; with a period, from their
 * counted updates read from MongoDB, whose dates are exact to the day. {@code asOf} is the newest event time
 * among the documents folded. A campaign is not shown before one of its own events was applied (its progress
 * updates may come before it was created).
 */
@Service
public class FigureService {

    private final ReactiveMongoTemplate mongo;
    private final Generations generations;
    private final FigureCache cache;
    private final PeriodStatuses periods;
    private final EventHistory history;
    private final Vocabularies vocabularies;
    private final MeterRegistry meters;

    FigureService(ReactiveMongoTemplate mongo, Generations generations, FigureCache cache, PeriodStatuses periods,
            EventHistory history, Vocabularies vocabularies, MeterRegistry meters) {
        this.vocabularies = vocabularies;
        this.mongo = mongo;
        this.generations = generations;
        this.cache = cache;
        this.periods = periods;
        this.history = history;
        this.meters = meters;
    }

    /** An overview with the campaigns and courses it was folded from, one summary each. */
    record Report(Overview overview, List<CampaignSummary> campaigns, List<CourseSummary> courses) {

        Report with(Filters filters) {
            return new Report(overview.with(filters), campaigns, courses);
        }

        Report with(Overview overview) {
            return new Report(overview, campaigns, courses);
        }
    }

    /**
     * The rows of reach a campaign contributes within a period, and its materials there. {@code country} is the
     * subdivision's, else the campaign's office's; {@code subdivision} is null where the place had no code.
     */
    record Row(String month, String audience, String channel, String country, String subdivision, long people,
               Map<String, Long> bySex, Map<String, Long> byAgeGroup) {

        Row(CampaignFigures campaign, String month, String audience, String channel, String subdivision, long people,
                Map<String, Long> bySex, Map<String, Long> byAgeGroup) {
            this(month, audience, channel, subdivision == null ? campaign.office() : Place.countryOf(subdivision),
                    subdivision, people, bySex, byAgeGroup);
        }
    }

    /** {@code language}: the one the catalogue's labels are answered in (see {@link Labels#language}). */
    Mono<Overview> overview(Caller caller, String office, String theme, Period period, Filters filters,
            String language) {
        return timed("overview", Mono.defer(() -> report(scope(caller, office), theme, period, filters, language))
                .map(Report::overview));
    }

    /** What the overview says, with the campaigns and courses behind it: the exports' source. */
    Mono<Report> report(Caller caller, String office, String theme, Period period, Filters filters,
            String language) {
        return timed("export", Mono.defer(() -> report(scope(caller, office), theme, period, filters, language)));
    }

    Mono<OfficeFigures> office(Caller caller, String office, String theme, Period period, Filters filters,
            String language) {
        if (!caller.canRead(office)) {
            return Mono.error(Problem.notFound("Office " + office));
        }
        return timed("office", report(office, theme, period, filters, language).map(report -> new OfficeFigures(
                office, report.overview().asOf(), report.overview(), report.campaigns(), report.courses())));
    }

    /** The completeness of each reporting period, for one office (all if null) or the caller's own. */
    Mono<Views.Completeness> completeness(Caller caller, String office, Period range, LocalDate asOf) {
        return timed("periods", Mono.defer(() -> {
            String scope = scope(caller, office);
            return asOf == null ? periods.completeness(scope, range)
                    : history.asOf(asOf).map(h -> PeriodStatuses.completeness(h, scope, range));
        }));
    }

    /**
     * Folds the figures of one office (all if null), with the standing of the reporting periods they cover:
     * now, or as they stood at the end of the day {@code filters} asks for, from the event log.
     * Summaries come from the cache; only a period needs the campaigns' updates from MongoDB. Without a period
     * the fold itself is kept per office and theme (see {@link FigureCache}). Last, its values are grouped by the
     * catalogue's codes, as it stood then too.
     */
    private Mono<Report> report(String office, String theme, Period period, Filters filters, String language) {
        String topic = theme == null || theme.isBlank() ? null : theme;
        LocalDate asOf = Period.day(filters.asOf());
        if (asOf != null) {
            return history.asOf(asOf).map(h -> {
                List<CampaignFigures> campaigns = h.campaigns(office, topic);
                Report report = report(campaigns, period.unbounded() ? Map.of() : h.counted(campaigns),
                        inPeriod(h.courses(office, topic), period), period, filters);
                return report.with(Vocabularies.of(h).grouped(PeriodStatuses.withStanding(report.overview(), h),
                        language));
            });
        }
        return fold(office, topic, period, filters)
                .flatMap(report -> Mono.zip(periods.withStanding(report.overview()), vocabularies.now())
                        .map(both -> report.with(both.getT2().grouped(both.getT1(), language))));
    }

    /** The courses that started within a bounded period; all of them without one. */
    private static List<CourseFigures> inPeriod(List<CourseFigures> courses, Period period) {
        return period.unbounded() ? courses
                : courses.stream().filter(c -> c.startDate() != null && period.contains(c.startDate())).toList();
    }

    private Mono<Report> fold(String office, String topic, Period period, Filters filters) {
        return cache.snapshot().flatMap(snapshot -> {
            if (!period.unbounded()) {
                List<CourseFigures> courses = inPeriod(snapshot.courses(office, topic), period);
                return campaigns(office, topic).flatMap(campaigns -> updates(campaigns, office, period)
                        .map(updates -> report(campaigns, updates, courses, period, filters)));
            }
            return Mono.just(snapshot.<Report>folded((office == null ? "" : office) + "|" + (topic == null ? "" : topic),
                    () -> report(snapshot.campaigns(office, topic), Map.of(), snapshot.courses(office, topic), period,
                            filters)).with(filters));
        });
    }

    /** {@code updates}: the counted updates of each campaign, by campaign id, for a bounded period. */
    static Report report(List<CampaignFigures> campaigns, Map<String, List<Update>> updates,
            List<CourseFigures> courses, Period period, Filters filters) {
        return new Report(fold(campaigns, updates, courses, period, filters),
                campaigns.stream().map(c -> new CampaignSummary(c.id(), c.office(), c.title(), c.status(),
                        rows(c, updates, period).stream().mapToLong(Row::people).reduce(0, Math::addExact),
                        c.illustrative(), c.asOf())).toList(),
                courses.stream().map(c -> new CourseSummary(c.id(), c.office(), c.title(), c.status(), c.enrolled(),
                        c.completed(), c.illustrative(), c.asOf())).toList());
    }

    /** Times a figures query from subscription to its end, tagged by what was asked and how it ended. */
    private <T> Mono<T> timed(String query, Mono<T> figures) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return figures.doOnEach(signal -> {
                if (signal.isOnComplete() || signal.isOnError()) {
                    sample.stop(meters.timer("alcance.reporting.query", "query", query,
                            "outcome", signal.isOnError() ? "error" : "success"));
                }
            });
        });
    }

    /** One campaign's figures, now or ({@code asOf} a day) as they stood at that day's end. */
    Mono<CampaignDetail> campaign(Caller caller, String id, LocalDate asOf, String language) {
        return timed("campaign", figures("Campaign", id, asOf, CampaignFigures.class, Generations::campaigns,
                History::campaigns, c -> caller.canRead(c.office()))
                .map(read -> read.getT2().grouped(detail(read.getT1()), language)));
    }

    Mono<CourseDetail> course(Caller caller, String id, LocalDate asOf, String language) {
        return timed("course", figures("Course", id, asOf, CourseFigures.class, Generations::courses,
                History::courses, c -> caller.canRead(c.office()))
                .map(read -> read.getT2().labelled(detail(read.getT1()), language)));
    }

    /**
     * One aggregate's document, if it was seen and {@code readable} by the caller (else 404 naming {@code what}),
     * with the catalogue: both now, or both as they stood at the end of {@code asOf}, from one history.
     */
    private <T extends Figures> Mono<Tuple2<T, Labels>> figures(String what, String id, LocalDate asOf, Class<T> type,
            LongFunction<String> collection, Function<History, Map<String, T>> ofDay, Predicate<T> readable) {
        Mono<Tuple2<T, Labels>> read = asOf == null
                ? Mono.zip(mongo.findById(id, type, collection.apply(generations.active())), vocabularies.now())
                : history.asOf(asOf).flatMap(h -> Mono.justOrEmpty(ofDay.apply(h).get(id))
                        .map(figures -> Tuples.of(figures, Vocabularies.of(h))));
        return read.filter(both -> both.getT1().seen() && readable.test(both.getT1()))
                .switchIfEmpty(Mono.error(() -> Problem.notFound(what + " " + id)));
    }

    private static CourseDetail detail(CourseFigures c) {
        return new CourseDetail(c.id(), c.office(), c.illustrative(), c.title(), c.topics(), c.format(), c.venue(),
                c.targetAudiences(), c.startDate(), c.endDate(), c.capacity(), c.status(), c.sequence(),
                c.asOf(), c.sessionsHeld(), List.copyOf(c.sessions().values()), c.enrolled(), c.waitlisted(),
                c.withdrawn(), c.attendedSessions(), c.participantsAttended(), c.completed(),
                c.completionRate(), c.meanPreScore(), c.meanPostScore(), c.cells(), trainingProgress(List.of(c)),
                null);
    }

    /** Each target (organisation type × sex) of {@code courses}, summed, against the participants they trained. */
    static List<Views.TrainingProgress> trainingProgress(List<CourseFigures> courses) {
        Map<List<String>, long[]> sums = new LinkedHashMap<>();
        for (CourseFigures course : courses) {
            for (CourseFigures.Target target : course.targets()) {
                long trained = course.cells().stream().filter(cell -> target.covers(cell.organisationType(), cell.sex()))
                        .mapToLong(CourseFigures.Cell::completed).reduce(0, Math::addExact);
                long[] sum = sums.computeIfAbsent(Arrays.asList(target.organisationType(), target.sex()),
                        key -> new long[2]);
                sum[0] = Math.addExact(sum[0], target.participants());
                sum[1] = Math.addExact(sum[1], trained);
            }
        }
        List<Views.TrainingProgress> progress = new ArrayList<>();
        sums.forEach((key, sum) -> progress.add(new Views.TrainingProgress(key.get(0), key.get(1), sum[0], sum[1],
                Views.percent(sum[1], sum[0]))));
        return progress;
    }

    /** Which office a caller's overview covers: null for all; a field office only ever its own. */
    static String scope(Caller caller, String office) {
        if (caller.readsAllOffices()) {
            return office == null || office.isBlank() ? null : office;
        }
        if (caller.office() == null || !caller.roles().contains("office")) {
            throw Problem.forbidden("This token reads no office's figures");
        }
        if (office != null && !office.isBlank() && !office.equals(caller.office())) {
            throw Problem.forbidden("A field office reads only its own figures (" + caller.office() + ")");
        }
        return caller.office();
    }

    /** Campaigns with their journals, for a period: read before their updates. */
    private Mono<List<CampaignFigures>> campaigns(String office, String theme) {
        return mongo.find(filter(office, theme), CampaignFigures.class,
                        Generations.campaigns(generations.active()))
                .filter(CampaignFigures::seen).collectList();
    }

    /**
     * The counted updates of {@code campaigns} (of {@code office}, all if null) within {@code period}, by
     * campaign id: their documents, or their campaign's journal entries where those are newer. What a period's
     * figures need, the one figure whose cost grows with the events. The documents are found by office and day,
     * not by naming each campaign: an {@code $in} of thousands of ids made the local wire server compare every
     * document with each of them.
     */
    private Mono<Map<String, List<Update>>> updates(List<CampaignFigures> campaigns, String office, Period period) {
        Query query = new Query();
        if (office != null) {
            query.addCriteria(Criteria.where("office").is(office));
        }
        Criteria day = Criteria.where("reportedOn");
        if (period.from() != null) {
            day = day.gte(period.from().toString());
        }
        if (period.to() != null) {
            day = day.lte(period.to().toString());
        }
        query.addCriteria(day);
        Set<String> inScope = campaigns.stream().map(CampaignFigures::id).collect(Collectors.toSet());
        return mongo.find(query, Update.class, Generations.updates(generations.active()))
                .filter(update -> inScope.contains(update.campaignId()))
                .collectMultimap(Update::campaignId).map(documents -> {
                    Map<String, List<Update>> updates = new TreeMap<>();
                    for (CampaignFigures campaign : campaigns) {
                        Map<String, Update> stored = new TreeMap<>();
                        Set<String> ids = new TreeSet<>(campaign.journal().keySet());
                        documents.getOrDefault(campaign.id(), List.of()).forEach(u -> {
                            stored.put(u.id(), u);
                            ids.add(u.updateId());
                        });
                        updates.put(campaign.id(), ids.stream().map(id -> campaign.current(id, stored))
                                .filter(Update::counted).toList());
                    }
                    return updates;
                });
    }

    private static Query filter(String office, String theme) {
        Query query = new Query();
        if (office != null) {
            query.addCriteria(Criteria.where("office").is(office));
        }
        if (theme != null) {
            query.addCriteria(Criteria.where("themes").is(theme));
        }
        return query.with(Sort.by("_id"));
    }

    static List<Row> rows(CampaignFigures campaign, Map<String, List<Update>> updates, Period period) {
        List<Row> rows = new ArrayList<>();
        if (period.unbounded()) {
            for (Cell cell : campaign.cells()) {
                rows.add(new Row(campaign, cell.month(), cell.audience(), cell.channel(), cell.subdivision(),
                        cell.people(), cell.bySex(), cell.byAgeGroup()));
            }
            return rows;
        }
        for (Update update : updates.getOrDefault(campaign.id(), List.of())) {
            if (!period.contains(update.reportedOn())) {
                continue;
            }
            for (Reach reach : update.reach()) {
                rows.add(new Row(campaign, update.month(), reach.audience(), update.channel(), update.subdivision(),
                        reach.people(), reach.bySex(), reach.byAgeGroup()));
            }
        }
        return rows;
    }

    static Map<String, Long> materials(CampaignFigures campaign, Map<String, List<Update>> updates, Period period) {
        if (period.unbounded()) {
            return campaign.materials();
        }
        Map<String, Long> materials = new TreeMap<>();
        updates.getOrDefault(campaign.id(), List.of()).stream().filter(u -> period.contains(u.reportedOn()))
                .forEach(u -> Counts.addAll(materials, u.materials(), 1));
        return materials;
    }

    static Overview fold(List<CampaignFigures> campaigns, Map<String, List<Update>> updates,
            List<CourseFigures> courses, Period period, Filters filters) {
        Instant asOf = null;
        Map<String, Long> campaignsByStatus = new TreeMap<>();
        long updatesCounted = 0;
        long total = 0;
        Map<String, Long> byAudience = new TreeMap<>();
        Map<String, Long> byTheme = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> byOffice = new TreeMap<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> byCountry = new TreeMap<>();
        Map<String, Long> bySubdivision = new TreeMap<>();
        Map<String, Long> bySex = new TreeMap<>();
        Map<String, Long> byAgeGroup = new TreeMap<>();
        Map<String, Long> materials = new TreeMap<>();
        Map<String, Long> targets = new TreeMap<>();
        Map<String, Map<String, Long>> sexByAudience = new TreeMap<>();
        Map<String, Map<String, Long>> ageByAudience = new TreeMap<>();
        for (CampaignFigures campaign : campaigns) {
            asOf = newest(asOf, campaign.asOf());
            Counts.add(campaignsByStatus, String.valueOf(campaign.status()), 1);
            updatesCounted += campaign.updatesCounted();
            for (CampaignFigures.Target target : campaign.targets()) {
                Counts.add(targets, target.audience(), target.target());
            }
            Counts.addAll(materials, materials(campaign, updates, period));
            Counts.add(byOffice, campaign.office(), 0);
            for (Row row : rows(campaign, updates, period)) {
                total = Math.addExact(total, row.people());
                Counts.add(byAudience, row.audience(), row.people());
                Counts.add(byChannel, row.channel(), row.people());
                Counts.add(byOffice, campaign.office(), row.people());
                Counts.add(byMonth, row.month(), row.people());
                Counts.add(byCountry, row.country(), row.people());
                if (row.subdivision() != null) {
                    Counts.add(bySubdivision, row.subdivision(), row.people());
                }
                Counts.addAll(bySex, row.bySex());
                Counts.addAll(byAgeGroup, row.byAgeGroup());
                Counts.addAll(sexByAudience.computeIfAbsent(row.audience(), a -> new TreeMap<>()), row.bySex());
                Counts.addAll(ageByAudience.computeIfAbsent(row.audience(), a -> new TreeMap<>()), row.byAgeGroup());
                for (String theme : campaign.themes()) {
                    Counts.add(byTheme, theme, row.people());
                }
            }
        }
        List<AudienceProgress> progress = progress(targets, byAudience, sexByAudience, ageByAudience, null, Map.of(),
                Map.of());

        Map<String, Long> coursesByStatus = new TreeMap<>();
        long sessionsHeld = 0;
        long enrolled = 0;
        long waitlisted = 0;
        long withdrawn = 0;
        long attended = 0;
        long attendedSessions = 0;
        long completed = 0;
        Map<String, Views.Counts> participantsByOffice = new TreeMap<>();
        People people = new People();
        Map<String, People> peopleByOffice = new TreeMap<>();
        Map<String, Views.Counts> participantsBySex = new TreeMap<>();
        Map<String, Views.Counts> participantsByOrganisation = new TreeMap<>();
        Map<String, Views.Counts> participantsByCountry = new TreeMap<>();
        for (CourseFigures course : courses) {
            asOf = newest(asOf, course.asOf());
            Counts.add(coursesByStatus, String.valueOf(course.status()), 1);
            sessionsHeld += course.sessionsHeld();
            enrolled += course.enrolled();
            waitlisted += course.waitlisted();
            withdrawn += course.withdrawn();
            attended += course.participantsAttended();
            attendedSessions += course.attendedSessions();
            completed += course.completed();
            participantsByOffice.merge(course.office(), new Views.Counts(course.enrolled(),
                    course.participantsAttended(), course.completed()), Views.Counts::plus);
            people.add(course.people());
            peopleByOffice.computeIfAbsent(course.office(), office -> new People()).add(course.people());
            for (CourseFigures.Cell cell : course.cells()) {
                Views.Counts counts = new Views.Counts(cell.enrolled(), cell.attended(), cell.completed());
                participantsBySex.merge(cell.sex(), counts, Views.Counts::plus);
                participantsByOrganisation.merge(cell.organisationType(), counts, Views.Counts::plus);
                if (cell.country() != null) { // null: a cell stored before cells kept countries, until rebuilt
                    participantsByCountry.merge(cell.country(), counts, Views.Counts::plus);
                }
            }
        }
        return new Overview(asOf, filters, new Views.Illustrative(
                        campaigns.stream().filter(CampaignFigures::illustrative).count(),
                        courses.stream().filter(CourseFigures::illustrative).count()),
                new Views.Campaigns(campaigns.size(), campaignsByStatus, updatesCounted),
                new Views.Reach(total, byAudience, byTheme, byChannel, byOffice, byMonth, byCountry, bySubdivision, bySex,
                        byAgeGroup),
                progress, materials,
                new Views.Courses(courses.size(), coursesByStatus, sessionsHeld),
                new Views.Participants(enrolled, waitlisted, withdrawn, attended, attendedSessions, completed,
                        people.counts(), participantsByOffice, People.counts(peopleByOffice), participantsBySex,
                        participantsByOrganisation, participantsByCountry), trainingProgress(courses), List.of(), null);
    }

    /** People counted once across courses: the union of the persons each course names, by state. */
    private static final class People {

        private final Set<String> enrolled = new HashSet<>();
        private final Set<String> attended = new HashSet<>();
        private final Set<String> completed = new HashSet<>();

        void add(CourseFigures.People course) {
            enrolled.addAll(course.enrolled());
            attended.addAll(course.attended());
            completed.addAll(course.completed());
        }

        Views.Counts counts() {
            return new Views.Counts(enrolled.size(), attended.size(), completed.size());
        }

        static Map<String, Views.Counts> counts(Map<String, People> byKey) {
            Map<String, Views.Counts> counts = new TreeMap<>();
            byKey.forEach((key, people) -> counts.put(key, people.counts()));
            return counts;
        }
    }

    /** Targeted audiences in {@code order} (else by name), then audiences reached without a target. */
    private static List<AudienceProgress> progress(Map<String, Long> targets, Map<String, Long> reached,
            Map<String, Map<String, Long>> bySex, Map<String, Map<String, Long>> byAge, List<String> order,
            Map<String, Long> baselines, Map<String, List<Views.MilestoneProgress>> milestones) {
        List<String> audiences = new ArrayList<>(order != null ? order : targets.keySet());
        reached.keySet().stream().filter(a -> !audiences.contains(a)).sorted().forEach(audiences::add);
        List<AudienceProgress> progress = new ArrayList<>();
        for (String audience : audiences) {
            Long target = targets.get(audience);
            long people = reached.getOrDefault(audience, 0L);
            long achieved = Math.addExact(people, baselines.getOrDefault(audience, 0L));
            progress.add(new AudienceProgress(audience, target, people, Views.percent(achieved, target),
                    bySex.getOrDefault(audience, Map.of()), byAge.getOrDefault(audience, Map.of()),
                    baselines.get(audience), milestones.getOrDefault(audience, List.of())));
        }
        return progress;
    }

    static CampaignDetail detail(CampaignFigures c) {
        Map<String, Long> targets = new LinkedHashMap<>();
        Map<String, Long> baselines = new TreeMap<>();
        Map<String, List<Views.MilestoneProgress>> milestones = new TreeMap<>();
        for (CampaignFigures.Target t : c.targets()) {
            targets.put(t.audience(), t.target());
            if (t.baseline() != null) {
                baselines.put(t.audience(), t.baseline());
            }
            milestones.put(t.audience(), milestones(t, c.cells()));
        }
        Map<String, Long> byAudience = new TreeMap<>();
        Map<String, Long> bySex = new TreeMap<>();
        Map<String, Long> byAge = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> byMonth = new TreeMap<>();
        Map<String, Long> bySubdivision = new TreeMap<>();
        Map<String, Map<String, Long>> sexByAudience = new TreeMap<>();
        Map<String, Map<String, Long>> ageByAudience = new TreeMap<>();
        long reached = 0;
        for (Cell cell : c.cells()) {
            reached = Math.addExact(reached, cell.people());
            if (cell.subdivision() != null) {
                Counts.add(bySubdivision, cell.subdivision(), cell.people());
            }
            Counts.add(byAudience, cell.audience(), cell.people());
            Counts.add(byChannel, cell.channel(), cell.people());
            Counts.add(byMonth, cell.month(), cell.people());
            Counts.addAll(bySex, cell.bySex());
            Counts.addAll(byAge, cell.byAgeGroup());
            Counts.addAll(sexByAudience.computeIfAbsent(cell.audience(), a -> new TreeMap<>()), cell.bySex());
            Counts.addAll(ageByAudience.computeIfAbsent(cell.audience(), a -> new TreeMap<>()), cell.byAgeGroup());
        }
        List<Month> monthly = byMonth.entrySet().stream().map(e -> new Month(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Month::month)).toList();
        return new CampaignDetail(c.id(), c.office(), c.illustrative(), c.title(), c.status(), c.themes(), c.channels(), c.partners(),
                c.startDate(), c.endDate(), c.sequence(), c.asOf(), reached,
                progress(targets, byAudience, sexByAudience, ageByAudience, List.copyOf(targets.keySet()), baselines,
                        milestones), bySex,
                byAge, byChannel, bySubdivision, monthly, c.materials(), c.updatesCounted(), c.updatesRetracted(), null);
    }

    /**
     * Each cumulative milestone of an audience against its baseline plus the people reached in the months up to
     * its own (a milestone falls on a month's last day, and reach is kept by month).
     */
    private static List<Views.MilestoneProgress> milestones(CampaignFigures.Target target, List<Cell> cells) {
        long baseline = target.baseline() == null ? 0 : target.baseline();
        List<Views.MilestoneProgress> progress = new ArrayList<>();
        long previousTarget = baseline;
        long previousAchieved = baseline;
        for (CampaignFigures.Milestone milestone : target.milestones()) {
            String month = milestone.by().substring(0, 7);
            long achieved = baseline + cells.stream()
                    .filter(cell -> cell.audience().equals(target.audience()) && cell.month().compareTo(month) <= 0)
                    .mapToLong(Cell::people).reduce(0, Math::addExact);
            progress.add(new Views.MilestoneProgress(milestone.by(), milestone.target(), achieved,
                    Views.percent(achieved, milestone.target()), milestone.target() - previousTarget,
                    achieved - previousAchieved));
            previousTarget = milestone.target();
            previousAchieved = achieved;
        }
        return progress;
    }
}

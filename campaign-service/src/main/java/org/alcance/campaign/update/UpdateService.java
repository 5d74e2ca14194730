package org.alcance.campaign.update;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alcance.campaign.campaign.Campaign;
import org.alcance.campaign.campaign.CampaignService;
import org.alcance.campaign.campaign.CampaignStatus;
import org.alcance.campaign.period.PeriodLocks;
import org.alcance.campaign.vocabulary.Catalogue;
import org.alcance.campaign.vocabulary.Vocabulary;
import org.alcance.outbox.Outbox;
import org.alcance.outbox.OutboxEvent;
import org.alcance.web.ApprovedPeriods;
import org.alcance.web.Caller;
import org.alcance.web.Created;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.PageCursor;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.alcance.events.DomainEvent;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Each progress update is a document of its own that carries its own pending events, so that reporting,
 * correcting or retracting it is one single-document write, and the updates of one campaign never wait
 * for each other (docs/architecture.md, "One write per change"). The campaign is only read, to check the
 * update against it, and so are the office's locked reporting periods. An update's events are numbered by its
 * revision.
 */
@Service
public class UpdateService {

    /** UTC+14 is the earliest time zone: no office's today is later than today there. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);
    private static final int MAX_ATTEMPTS = 20;

    private final CampaignService campaigns;
    private final PeriodLocks locks;
    private final Vocabulary vocabulary;
    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    UpdateService(CampaignService campaigns, PeriodLocks locks, Vocabulary vocabulary, ReactiveMongoTemplate mongo,
            Outbox outbox, Clock clock) {
        this.vocabulary = vocabulary;
        this.campaigns = campaigns;
        this.locks = locks;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The id an update takes: from the office's own client reference when there is one, else from
     * the idempotency key, so that a repeated report finds the first one instead of adding another.
     */
    static String updateId(String campaignId, String clientReference, String idempotencyKey) {
        return IdempotentResponses.entityId(campaignId + "|reference", clientReference, campaignId + "|update",
                idempotencyKey);
    }

    /** Reports an update, or with {@code dryRun} only checks it; one already reported is returned as it is. */
    public Mono<Created<ProgressUpdate>> report(Caller caller, String campaignId, UpdateRequests.Report request, String updateId,
            boolean dryRun) {
        if (dryRun) {
            return writable(caller, campaignId).flatMap(target -> find(target.campaign(), updateId)
                    .map(existing -> new Created<>(existing, false))
                    .switchIfEmpty(Mono.fromCallable(() -> new Created<>(reported(caller, target, updateId, request),
                            true))));
        }
        // the insert itself finds a report made before (its id is taken), so the usual case costs one write
        return writable(caller, campaignId).flatMap(target -> Created.madeOrFound(
                Mono.fromCallable(() -> reported(caller, target, updateId, request))
                        .flatMap(update -> outbox.insert(update, update.id(), ProgressUpdate.COLLECTION,
                                reportedEvents(target.campaign(), update))),
                find(target.campaign(), updateId)));
    }

    /** One row of a batch: the update id its client reference gives, and what it reports. */
    record Row(String updateId, UpdateRequests.Report request) {
    }

    /**
     * Reports many updates with one unordered bulk insert, in the rows' order. Each result is an
     * {@link Created} update, or the {@link Problem} that refused that row alone.
     */
    Mono<List<Object>> reportAll(Caller caller, String campaignId, List<Row> rows) {
        return writable(caller, campaignId).flatMap(target -> mongo.find(
                        Query.query(Criteria.where("_id").in(rows.stream().map(Row::updateId).toList())), ProgressUpdate.class)
                .filter(update -> update.campaignId().equals(campaignId))
                .collectMap(ProgressUpdate::id)
                .flatMap(stored -> {
                    List<Object> results = new ArrayList<>();
                    List<ProgressUpdate> created = new ArrayList<>();
                    for (Row row : rows) {
                        ProgressUpdate existing = stored.get(row.updateId());
                        if (existing != null) {
                            results.add(new Created<>(existing, false));
                            continue;
                        }
                        try {
                            ProgressUpdate update = reported(caller, target, row.updateId(), row.request());
                            created.add(update);
                            results.add(new Created<>(update, true));
                        } catch (Problem refused) {
                            results.add(refused);
                        }
                    }
                    return insertAll(target.campaign(), created).map(raced -> {
                        for (int i = 0; i < results.size(); i++) {
                            if (results.get(i) instanceof Created<?> made && made.entity() instanceof ProgressUpdate update
                                    && raced.containsKey(update.id())) {
                                results.set(i, new Created<>(raced.get(update.id()), false));
                            }
                        }
                        return results;
                    });
                }));
    }

    /**
     * Inserts the updates with their events in one unordered bulk write; returns those another request
     * stored first (a duplicate key), as stored.
     */
    private Mono<Map<String, ProgressUpdate>> insertAll(Campaign campaign, List<ProgressUpdate> updates) {
        return outbox.insertAll(ProgressUpdate.COLLECTION, updates.stream()
                        .map(update -> new Outbox.NewDocument(update.id(), update, reportedEvents(campaign, update))).toList())
                .flatMap(taken -> taken.isEmpty() ? Mono.just(Map.<String, ProgressUpdate>of())
                        : mongo.find(Query.query(Criteria.where("_id").in(taken)), ProgressUpdate.class)
                                .collectMap(ProgressUpdate::id));
    }

    Mono<ProgressUpdate> correct(Caller caller, String campaignId, String updateId, UpdateRequests.Correct request) {
        return changeExisting(caller, campaignId, updateId, (target, current) -> {
            Campaign campaign = target.campaign();
            Violations violations = new Violations().text(request.reason(), "reason", 1_000);
            ProgressUpdate.Figures was = current.figures();
            ProgressUpdate.Figures figures = UpdateRules.figures(campaign,
                    request.reportedOn() != null ? request.reportedOn() : was.reportedOn(),
                    request.place() != null ? request.place() : UpdateRequests.PlaceInput.of(was.place()),
                    request.channel() != null ? request.channel() : was.channel(),
                    request.materials() != null ? request.materials() : was.materials(),
                    request.reach() != null ? request.reach() : was.reach().stream()
                            .map(r -> new UpdateRequests.ReachInput(r.audience(), r.people(), names(r.bySex()), names(r.byAgeGroup())))
                            .toList(),
                    request.notes() != null ? request.notes() : was.notes(),
                    latestToday(), target.catalogue(), was.materials().keySet(), violations);
            target.locks().requireOpen(figures.reportedOn(), "reportedOn");
            ProgressUpdate next = current.next(ProgressUpdate.Status.CORRECTED, figures, clock.instant(), caller.subject(),
                    request.reason());
            return new Revised(next, new ProgressCorrected(campaignId, campaign.office(), updateId, next.revision(),
                    figures.reportedOn(), figures.place(), figures.channel(), figures.materials(), figures.reach(),
                    request.reason()));
        });
    }

    Mono<ProgressUpdate> retract(Caller caller, String campaignId, String updateId, UpdateRequests.Retract request) {
        return changeExisting(caller, campaignId, updateId, (target, current) -> {
            Campaign campaign = target.campaign();
            new Violations().text(request == null ? null : request.reason(), "reason", 1_000).throwIfAny();
            ProgressUpdate next = current.next(ProgressUpdate.Status.RETRACTED, current.figures(), clock.instant(),
                    caller.subject(), request.reason());
            return new Revised(next, new ProgressRetracted(campaignId, campaign.office(), updateId, request.reason(),
                    next.changedAt()));
        });
    }

    Flux<ProgressUpdate> list(Caller caller, String campaignId, PageCursor after, int limit) {
        return campaigns.readable(caller, campaignId).flatMapMany(campaign -> {
            Criteria criteria = Criteria.where("campaignId").is(campaignId);
            if (after != null) {
                criteria = new Criteria().andOperator(criteria, after.after("reportedAt"));
            }
            return mongo.find(Query.query(criteria).with(PageCursor.newestFirst("reportedAt")).limit(limit),
                    ProgressUpdate.class);
        });
    }

    Mono<ProgressUpdate> get(Caller caller, String campaignId, String updateId) {
        return campaigns.readable(caller, campaignId).flatMap(campaign -> find(campaign, updateId))
                .switchIfEmpty(Mono.error(Problem.notFound("Update " + updateId)));
    }

    /**
     * The campaign an update is checked against, its office's locked periods (both read for the request) and the
     * organisation's catalogue.
     */
    private record Target(Campaign campaign, ApprovedPeriods locks, Catalogue catalogue) {
    }

    /** The campaign to check an update against, without its revisions and pending events; only its office writes. */
    private Mono<Target> writable(Caller caller, String campaignId) {
        return Mono.zip(campaigns.readableAsItStands(caller, campaignId)
                        .doOnNext(campaign -> CampaignService.requireWriter(caller, campaign)),
                locks.of(caller.office()), vocabulary.catalogue())
                .map(read -> new Target(read.getT1(), read.getT2(), read.getT3()));
    }

    private ProgressUpdate reported(Caller caller, Target target, String updateId, UpdateRequests.Report request) {
        Campaign campaign = target.campaign();
        Violations violations = new Violations().optionalText(request.clientReference(), "clientReference", 100);
        ProgressUpdate.Figures figures = UpdateRules.figures(campaign, request.reportedOn(), request.place(),
                request.channel(), request.materials(), request.reach(), request.notes(), latestToday(),
                target.catalogue(), Set.of(), violations);
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw Problem.conflict("Progress is reported on ACTIVE campaigns; this one is " + campaign.status());
        }
        target.locks().requireOpen(figures.reportedOn(), "reportedOn");
        var now = clock.instant();
        return new ProgressUpdate(updateId, campaign.id(), campaign.office(), 1, ProgressUpdate.Status.REPORTED, figures,
                request.clientReference(), now, caller.subject(), now,
                List.of(new ProgressUpdate.Change(1, ProgressUpdate.Status.REPORTED, now, caller.subject(), null, figures)));
    }

    /** A change of an update: its next state and the event that says so. */
    private record Revised(ProgressUpdate update, DomainEvent event) {
    }

    private interface Change {
        Revised apply(Target target, ProgressUpdate current);
    }

    /**
     * Decides the change on the update as stored and writes it only if no other change was written meanwhile;
     * otherwise decides again on the fresh update.
     */
    private Mono<ProgressUpdate> changeExisting(Caller caller, String campaignId, String updateId, Change change) {
        return writable(caller, campaignId).flatMap(target -> Mono.defer(() -> find(target.campaign(), updateId)
                        .switchIfEmpty(Mono.error(() -> Problem.notFound("Update " + updateId)))
                        .flatMap(current -> {
                            if (target.campaign().status() == CampaignStatus.CANCELLED) {
                                throw Problem.conflict("The updates of a CANCELLED campaign can no longer change");
                            }
                            if (current.status() == ProgressUpdate.Status.RETRACTED) {
                                throw Problem.conflict("Update " + updateId + " was retracted; it can no longer change");
                            }
                            // the update as it stands is dated in a period, and a correction may move it into another
                            target.locks().requireOpen(current.figures().reportedOn(), "reportedOn");
                            return write(current, change.apply(target, current));
                        }))
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(50)).jitter(0.5)
                        .filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new Problem(HttpStatus.SERVICE_UNAVAILABLE,
                                "Update " + updateId + " cannot take this change now: too many requests change it at once; "
                                        + "retry later"))));
    }

    /** The update's next revision and its event, in one write conditional on the revision it was decided on. */
    private Mono<ProgressUpdate> write(ProgressUpdate current, Revised revised) {
        ProgressUpdate next = revised.update();
        Update changes = new Update().set("revision", next.revision()).set("status", next.status())
                .set("figures", next.figures()).set("changedAt", next.changedAt())
                .push("history", next.history().get(next.history().size() - 1));
        Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and("revision").is(current.revision()));
        return outbox.update(ProgressUpdate.COLLECTION, unchanged, changes, next.id(),
                        List.of(outbox.entry(revised.event(), next.revision(), null)))
                .flatMap(written -> written ? Mono.just(next) : Mono.error(new ConcurrentChange()));
    }

    /** A report's event, numbered as the update's first revision. */
    private List<OutboxEvent> reportedEvents(Campaign campaign, ProgressUpdate update) {
        ProgressUpdate.Figures f = update.figures();
        return List.of(outbox.entry(new ProgressReported(campaign.id(), campaign.office(), update.id(), f.reportedOn(),
                f.place(), f.channel(), f.materials(), f.reach(), update.clientReference()), update.revision(), null));
    }

    private Mono<ProgressUpdate> find(Campaign campaign, String updateId) {
        return mongo.findById(updateId, ProgressUpdate.class).filter(update -> update.campaignId().equals(campaign.id()));
    }

    private LocalDate latestToday() {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }

    private static java.util.Map<String, Long> names(java.util.Map<? extends Enum<?>, Long> counts) {
        java.util.Map<String, Long> named = new java.util.LinkedHashMap<>();
        counts.forEach((key, value) -> named.put(key.name(), value));
        return named;
    }

    /** Another change of the update got there first; this one is decided again on the fresh update. */
    private static final class ConcurrentChange extends RuntimeException {

        ConcurrentChange() {
            super("concurrent change", null, false, false);
        }
    }
}

package org.alcance.campaign.update;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.alcance.campaign.campaign.Campaign;
import org.alcance.campaign.campaign.CampaignService;
import org.alcance.campaign.campaign.CampaignStatus;
import org.alcance.campaign.campaign.CampaignStore;
import org.alcance.outbox.LocalWrites;
import org.alcance.outbox.Outbox;
import org.alcance.outbox.OutboxEvent;
import org.alcance.web.Caller;
import org.alcance.web.IdempotentResponses;
import org.alcance.web.PageCursor;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.alcance.events.DomainEvent;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Progress updates are written through their campaign's document: the update's event and the
 * update itself (as the event's local write) go into the campaign's outbox in one write, numbered
 * in the campaign's sequence, so every event of a campaign is published in order.
 */
@Service
public class UpdateService {

    /** UTC+14 is the earliest time zone: no office's today is later than today there. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final CampaignStore store;
    private final CampaignService campaigns;
    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final LocalWrites localWrites;
    private final Clock clock;

    UpdateService(CampaignStore store, CampaignService campaigns, ReactiveMongoTemplate mongo, Outbox outbox,
            LocalWrites localWrites, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.mongo = mongo;
        this.outbox = outbox;
        this.localWrites = localWrites;
        this.clock = clock;
    }

    /** An update, and whether this request reported it or found it already reported. */
    public record Outcome(ProgressUpdate update, boolean created) {
    }

    /**
     * The id an update takes: from the office's own client reference when there is one, else from
     * the idempotency key, so that a repeated report finds the first one instead of adding another.
     */
    static String updateId(String campaignId, String clientReference, String idempotencyKey) {
        return clientReference != null ? IdempotentResponses.entityId(campaignId + "|reference", clientReference)
                : IdempotentResponses.entityId(campaignId + "|update", idempotencyKey);
    }

    /** Reports an update, or with {@code dryRun} only checks it; one already reported is returned as it is. */
    public Mono<Outcome> report(Caller caller, String campaignId, UpdateRequests.Report request, String updateId,
            boolean dryRun) {
        if (dryRun) {
            return campaigns.readable(caller, campaignId).flatMap(campaign -> {
                CampaignService.requireWriter(caller, campaign);
                return latest(campaign, updateId).map(existing -> new Outcome(existing, false))
                        .switchIfEmpty(Mono.fromCallable(() -> new Outcome(reported(caller, campaign, updateId, request), true)));
            });
        }
        return write(caller, campaignId, updateId, (campaign, existing) -> existing.isPresent()
                        ? Mono.error(new AlreadyReported(existing.get()))
                        : Mono.fromCallable(() -> {
                            ProgressUpdate update = reported(caller, campaign, updateId, request);
                            return event(campaign, update, reportedEvent(campaign, update));
                        }))
                .map(update -> new Outcome(update, true))
                .onErrorResume(AlreadyReported.class, existing -> Mono.just(new Outcome(existing.update, false)));
    }

    /** One row of a batch: the update id its client reference gives, and what it reports. */
    record Row(String updateId, UpdateRequests.Report request) {
    }

    /**
     * Reports many updates with one write through the campaign, in the rows' order. Each result is
     * an {@link Outcome}, or the {@link Problem} that refused that row alone.
     */
    Mono<List<Object>> reportAll(Caller caller, String campaignId, List<Row> rows) {
        AtomicReference<List<Object>> decided = new AtomicReference<>();
        return store.appendAfter(campaignId, campaign -> {
            CampaignService.requireWriter(caller, campaign);
            List<String> ids = rows.stream().map(Row::updateId).toList();
            return mongo.find(Query.query(Criteria.where("_id").in(ids)), ProgressUpdate.class)
                    .filter(update -> update.campaignId().equals(campaignId))
                    .collectMap(ProgressUpdate::id)
                    .map(stored -> {
                        List<Object> results = new ArrayList<>();
                        List<OutboxEvent> events = new ArrayList<>();
                        for (Row row : rows) {
                            Optional<ProgressUpdate> existing = campaign.newestPendingWrite(row.updateId())
                                    .map(write -> localWrites.read(ProgressUpdate.class, write))
                                    .or(() -> Optional.ofNullable(stored.get(row.updateId())));
                            if (existing.isPresent()) {
                                results.add(new Outcome(existing.get(), false));
                                continue;
                            }
                            try {
                                ProgressUpdate update = reported(caller, campaign, row.updateId(), row.request());
                                events.add(entry(campaign.sequence() + events.size() + 1, update,
                                        reportedEvent(campaign, update)));
                                results.add(new Outcome(update, true));
                            } catch (Problem refused) {
                                results.add(refused);
                            }
                        }
                        decided.set(results);
                        return new CampaignStore.Append(new Update(), events);
                    });
        }).flatMap(campaign -> Flux.fromIterable(campaign.outbox())
                .filter(event -> event.localWrite() != null && decided.get().stream().anyMatch(result ->
                        result instanceof Outcome outcome && outcome.created()
                                && outcome.update().id().equals(event.localWrite().id())))
                .concatMap(event -> localWrites.apply(event.localWrite()))
                .then(Mono.fromSupplier(decided::get)));
    }

    Mono<ProgressUpdate> correct(Caller caller, String campaignId, String updateId, UpdateRequests.Correct request) {
        return changeExisting(caller, campaignId, updateId, (campaign, current) -> {
            Violations violations = new Violations().text(request.reason(), "reason", 1_000);
            ProgressUpdate.Figures was = current.figures();
            ProgressUpdate.Figures figures = UpdateRules.figures(campaign,
                    request.reportedOn() != null ? request.reportedOn() : was.reportedOn(),
                    request.place() != null ? request.place()
                            : new UpdateRequests.PlaceInput(was.place().name(), was.place().adminArea()),
                    request.channel() != null ? request.channel() : was.channel(),
                    request.materials() != null ? request.materials() : was.materials(),
                    request.reach() != null ? request.reach() : was.reach().stream()
                            .map(r -> new UpdateRequests.ReachInput(r.audience(), r.people(), names(r.bySex()), names(r.byAgeGroup())))
                            .toList(),
                    request.notes() != null ? request.notes() : was.notes(),
                    latestToday(), violations);
            ProgressUpdate next = current.next(ProgressUpdate.Status.CORRECTED, figures, clock.instant(), caller.subject(),
                    request.reason());
            return event(campaign, next, new ProgressCorrected(campaignId, campaign.office(), updateId, next.revision(),
                    figures.reportedOn(), figures.place(), figures.channel(), figures.materials(), figures.reach(),
                    request.reason()));
        });
    }

    Mono<ProgressUpdate> retract(Caller caller, String campaignId, String updateId, UpdateRequests.Retract request) {
        return changeExisting(caller, campaignId, updateId, (campaign, current) -> {
            new Violations().text(request == null ? null : request.reason(), "reason", 1_000).throwIfAny();
            ProgressUpdate next = current.next(ProgressUpdate.Status.RETRACTED, current.figures(), clock.instant(),
                    caller.subject(), request.reason());
            return event(campaign, next, new ProgressRetracted(campaignId, campaign.office(), updateId, request.reason(),
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
        return campaigns.readable(caller, campaignId).flatMap(campaign -> latest(campaign, updateId))
                .switchIfEmpty(Mono.error(Problem.notFound("Update " + updateId)));
    }

    private ProgressUpdate reported(Caller caller, Campaign campaign, String updateId, UpdateRequests.Report request) {
        Violations violations = new Violations().optionalText(request.clientReference(), "clientReference", 100);
        ProgressUpdate.Figures figures = UpdateRules.figures(campaign, request.reportedOn(), request.place(),
                request.channel(), request.materials(), request.reach(), request.notes(), latestToday(), violations);
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw Problem.conflict("Progress is reported on ACTIVE campaigns; this one is " + campaign.status());
        }
        var now = clock.instant();
        return new ProgressUpdate(updateId, campaign.id(), campaign.office(), 1, ProgressUpdate.Status.REPORTED, figures,
                request.clientReference(), now, caller.subject(), now,
                List.of(new ProgressUpdate.Change(1, ProgressUpdate.Status.REPORTED, now, caller.subject(), null, figures)));
    }

    private interface Change {
        CampaignStore.Append apply(Campaign campaign, ProgressUpdate current);
    }

    private Mono<ProgressUpdate> changeExisting(Caller caller, String campaignId, String updateId, Change change) {
        return write(caller, campaignId, updateId, (campaign, existing) -> Mono.fromCallable(() -> {
            ProgressUpdate current = existing.orElseThrow(() -> Problem.notFound("Update " + updateId));
            if (campaign.status() == CampaignStatus.CANCELLED) {
                throw Problem.conflict("The updates of a CANCELLED campaign can no longer change");
            }
            if (current.status() == ProgressUpdate.Status.RETRACTED) {
                throw Problem.conflict("Update " + updateId + " was retracted; it can no longer change");
            }
            return change.apply(campaign, current);
        }));
    }

    /**
     * One write through the campaign, decided on the campaign and the update's newest state (if it
     * exists), then the update stored as its event says.
     */
    private Mono<ProgressUpdate> write(Caller caller, String campaignId, String updateId,
            BiFunction<Campaign, Optional<ProgressUpdate>, Mono<CampaignStore.Append>> decide) {
        return store.appendAfter(campaignId, campaign -> {
            CampaignService.requireWriter(caller, campaign);
            return latest(campaign, updateId).map(Optional::of).defaultIfEmpty(Optional.empty())
                    .flatMap(existing -> decide.apply(campaign, existing));
        }).flatMap(campaign -> {
            OutboxEvent.LocalWrite written = campaign.newestPendingWrite(updateId).orElseThrow();
            return localWrites.apply(written).thenReturn(localWrites.read(ProgressUpdate.class, written));
        });
    }

    private static DomainEvent reportedEvent(Campaign campaign, ProgressUpdate update) {
        ProgressUpdate.Figures f = update.figures();
        return new ProgressReported(campaign.id(), campaign.office(), update.id(), f.reportedOn(), f.place(), f.channel(),
                f.materials(), f.reach(), update.clientReference());
    }

    private CampaignStore.Append event(Campaign campaign, ProgressUpdate update, DomainEvent event) {
        return new CampaignStore.Append(new Update(), List.of(entry(campaign.sequence() + 1, update, event)));
    }

    /** The event, carrying the update's new state as its local write. */
    private OutboxEvent entry(long sequence, ProgressUpdate update, DomainEvent event) {
        return outbox.entry(event, sequence,
                localWrites.of(ProgressUpdate.COLLECTION, update.id(), update.revision(), update));
    }

    /** The update's newest state: a revision still waiting in the outbox, else the stored one. */
    private Mono<ProgressUpdate> latest(Campaign campaign, String updateId) {
        return campaign.newestPendingWrite(updateId).map(write -> Mono.just(localWrites.read(ProgressUpdate.class, write)))
                .orElseGet(() -> mongo.findById(updateId, ProgressUpdate.class)
                        .filter(update -> update.campaignId().equals(campaign.id())));
    }

    private LocalDate latestToday() {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }

    private static java.util.Map<String, Long> names(java.util.Map<? extends Enum<?>, Long> counts) {
        java.util.Map<String, Long> named = new java.util.LinkedHashMap<>();
        counts.forEach((key, value) -> named.put(key.name(), value));
        return named;
    }

    /** The update exists already: reporting it again changes nothing. */
    private static final class AlreadyReported extends RuntimeException {

        private final transient ProgressUpdate update;

        AlreadyReported(ProgressUpdate update) {
            super("already reported", null, false, false);
            this.update = update;
        }
    }
}

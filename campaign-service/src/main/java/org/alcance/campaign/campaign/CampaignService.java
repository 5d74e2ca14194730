package org.alcance.campaign.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.alcance.campaign.vocabulary.Catalogue;
import org.alcance.campaign.vocabulary.Vocabulary;
import org.alcance.outbox.Outbox;
import org.alcance.web.Caller;
import org.alcance.web.Created;
import org.alcance.web.ETags;
import org.alcance.web.PageCursor;
import org.alcance.web.Problem;
import org.alcance.web.Violations;
import org.alcance.events.DomainEvent;
import org.alcance.events.campaign.CampaignCancelled;
import org.alcance.events.campaign.CampaignCompleted;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.CampaignLaunched;
import org.alcance.events.campaign.CampaignRevised;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Service
public class CampaignService {

    private final CampaignStore store;
    private final ReactiveMongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final Vocabulary vocabulary;

    CampaignService(CampaignStore store, ReactiveMongoTemplate mongo, Outbox outbox, Clock clock,
            Vocabulary vocabulary) {
        this.store = store;
        this.vocabulary = vocabulary;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Filters of the campaign list; a field office always sees its own office only. */
    record Filter(String office, CampaignStatus status, String theme, LocalDate from, LocalDate to) {
    }

    /**
     * Creates a campaign; one created before under the same id (the same client reference or key) is answered as it
     * is, even if the request could no longer be made now.
     */
    Mono<Created<Campaign>> create(Caller caller, CampaignRequests.Create request, String id) {
        try {
            caller.officeToCreateFor(request.office(), "campaigns");
        } catch (Problem refused) {
            return Mono.error(refused);
        }
        return Created.madeOrFound(vocabulary.catalogue().flatMap(catalogue -> insert(caller, request, id, catalogue)),
                store.find(id).filter(campaign -> campaign.office().equals(caller.office())));
    }

    private Mono<Campaign> insert(Caller caller, CampaignRequests.Create request, String id, Catalogue catalogue) {
        Campaign.Details details = CampaignRules.details(request.title(), request.description(), request.themes(),
                request.channels(), request.partners(), request.audiences(), request.startDate(), request.endDate(),
                catalogue, null, new Violations().optionalText(request.clientReference(), "clientReference", 100));
        Instant now = clock.instant();
        DomainEvent created = new CampaignCreated(id, caller.office(), details.title(), details.description(),
                details.themes(), details.channels(), details.partners(), details.audiences(), details.startDate(),
                details.endDate(), request.illustrative());
        Campaign campaign = new Campaign(id, caller.office(), details, request.illustrative(), CampaignStatus.DRAFT, 1, 1,
                now, caller.subject(), now, List.of(new Campaign.Revision(1, now, caller.subject(), null, details)),
                outbox.entries(List.of(created), 0));
        return store.insert(campaign);
    }

    /** The campaign if the caller may read it; another office's campaign does not exist for them. */
    public Mono<Campaign> readable(Caller caller, String id) {
        return store.find(id)
                .filter(campaign -> caller.canRead(campaign.office()))
                .switchIfEmpty(Mono.error(Problem.notFound("Campaign " + id)));
    }

    /** As {@link #readable}, without the campaign's revisions and pending events: what a check needs, at a lower cost. */
    public Mono<Campaign> readableAsItStands(Caller caller, String id) {
        return store.findAsItStands(id)
                .filter(campaign -> caller.canRead(campaign.office()))
                .switchIfEmpty(Mono.error(Problem.notFound("Campaign " + id)));
    }

    /** Refuses a write by anyone but the campaign's own office: 404 if they cannot even read it. */
    public static void requireWriter(Caller caller, Campaign campaign) {
        caller.requireWriter(campaign.office(), "campaign", campaign.id());
    }

    Flux<Campaign> list(Caller caller, Filter filter, PageCursor after, int limit) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (!caller.readsAllOffices()) {
            all.add(Criteria.where("office").is(caller.office()));
        }
        if (filter.office() != null) {
            all.add(Criteria.where("office").is(filter.office()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status()));
        }
        if (filter.theme() != null) {
            all.add(Criteria.where("details.themes").is(filter.theme()));
        }
        if (filter.from() != null) {
            all.add(Criteria.where("details.endDate").gte(filter.from()));
        }
        if (filter.to() != null) {
            all.add(Criteria.where("details.startDate").lte(filter.to()));
        }
        if (after != null) {
            all.add(after.after("createdAt"));
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all);
        }
        Query query = Query.query(criteria).with(PageCursor.newestFirst("createdAt")).limit(limit);
        query.fields().exclude("outbox");
        return mongo.find(query, Campaign.class);
    }

    Mono<Campaign> revise(Caller caller, String id, Long expectedVersion, CampaignRequests.Revise patch) {
        return vocabulary.catalogue().flatMap(catalogue -> store.append(id, current -> {
            requireWriter(caller, current);
            ETags.requireMatch(expectedVersion, current.version(), "campaign");
            if (!current.status().isOpen()) {
                throw Problem.conflict("A " + current.status() + " campaign can no longer be revised");
            }
            Campaign.Details was = current.details();
            Violations violations = new Violations().optionalText(patch.reason(), "reason", 1_000);
            Campaign.Details details = CampaignRules.details(
                    patch.title() != null ? patch.title() : was.title(),
                    patch.description() != null ? patch.description() : was.description(),
                    patch.themes() != null ? patch.themes() : was.themes(),
                    patch.channels() != null ? patch.channels() : was.channels(),
                    patch.partners() != null ? patch.partners() : was.partners(),
                    patch.audiences() != null ? patch.audiences()
                            : was.audiences().stream().map(CampaignRequests.Target::of).toList(),
                    patch.startDate() != null ? patch.startDate() : was.startDate(),
                    patch.endDate() != null ? patch.endDate() : was.endDate(),
                    catalogue, was, violations);
            long version = current.version() + 1;
            Campaign.Revision revision = new Campaign.Revision(version, clock.instant(), caller.subject(), patch.reason(), details);
            DomainEvent revised = new CampaignRevised(id, current.office(), details.title(), details.description(),
                    details.themes(), details.channels(), details.partners(), details.audiences(), details.startDate(),
                    details.endDate(), patch.reason());
            return new CampaignStore.Append(
                    Update.update("details", details).set("version", version).push("revisions", revision),
                    outbox.entries(List.of(revised), current.sequence()));
        }));
    }

    Mono<Campaign> launch(Caller caller, String id) {
        return transition(caller, id, CampaignStatus.ACTIVE, current -> new CampaignLaunched(id, current.office(), clock.instant()));
    }

    Mono<Campaign> complete(Caller caller, String id) {
        return transition(caller, id, CampaignStatus.COMPLETED, current -> new CampaignCompleted(id, current.office(), clock.instant()));
    }

    Mono<Campaign> cancel(Caller caller, String id, CampaignRequests.Cancel request) {
        new Violations().text(request == null ? null : request.reason(), "reason", 1_000).throwIfAny();
        return transition(caller, id, CampaignStatus.CANCELLED,
                current -> new CampaignCancelled(id, current.office(), clock.instant(), request.reason()));
    }

    private Mono<Campaign> transition(Caller caller, String id, CampaignStatus next,
            java.util.function.Function<Campaign, DomainEvent> event) {
        return store.append(id, current -> {
            requireWriter(caller, current);
            if (!current.status().canBecome(next)) {
                throw Problem.conflict("A " + current.status() + " campaign cannot become " + next);
            }
            return new CampaignStore.Append(Update.update("status", next).set("version", current.version() + 1),
                    outbox.entries(List.of(event.apply(current)), current.sequence()));
        });
    }
}

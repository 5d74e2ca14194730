package org.alcance.campaign.campaign;

import java.time.Clock;
import org.alcance.campaign.AggregateStore;
import org.alcance.outbox.AggregateWriter;
import org.alcance.outbox.Outbox;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every change to a campaign itself goes through here (see {@link AggregateWriter}); its updates are documents of their own. */
@Component
public class CampaignStore extends AggregateStore<Campaign> {

    private final ReactiveMongoTemplate mongo;

    CampaignStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        super(Campaign.class, Campaign.COLLECTION, "Campaign", mongo, outbox, clock);
        this.mongo = mongo;
    }

    /** The campaign without its revisions and pending events (both empty in the answer). */
    Mono<Campaign> findAsItStands(String id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().exclude("revisions", "outbox");
        return mongo.findOne(query, Campaign.class, Campaign.COLLECTION);
    }

}

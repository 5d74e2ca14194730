package org.alcance.campaign.campaign;

import java.time.Clock;
import org.alcance.outbox.AggregateWriter;
import org.alcance.outbox.Outbox;
import org.alcance.web.Problem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Every change to a campaign itself goes through here (see {@link AggregateWriter}); its updates are documents of their own. */
@Component
public class CampaignStore extends AggregateWriter<Campaign> {

    CampaignStore(ReactiveMongoTemplate mongo, Outbox outbox, Clock clock) {
        super(Campaign.class, Campaign.COLLECTION, mongo, outbox, clock);
    }

    @Override
    protected RuntimeException notFound(String id) {
        return Problem.notFound("Campaign " + id);
    }

    @Override
    protected RuntimeException unavailable(String id, String why) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "Campaign " + id + " cannot take this change now: " + why
                + "; retry later");
    }
}

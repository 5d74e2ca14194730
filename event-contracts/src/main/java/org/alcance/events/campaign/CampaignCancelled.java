package org.alcance.events.campaign;

import java.time.Instant;

import org.alcance.events.Checks;

public record CampaignCancelled(String campaignId, String office, Instant cancelledAt, String reason)
        implements CampaignEvent {

    public static final String TYPE = "org.alcance.campaign.campaign-cancelled.v1";

    public CampaignCancelled {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.notNull(cancelledAt, "cancelledAt");
        Checks.text(reason, "reason");
    }
}

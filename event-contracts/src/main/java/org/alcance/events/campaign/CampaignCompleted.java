package org.alcance.events.campaign;

import java.time.Instant;

import org.alcance.events.Checks;

public record CampaignCompleted(String campaignId, String office, Instant completedAt) implements CampaignEvent {

    public static final String TYPE = "org.alcance.campaign.campaign-completed.v1";

    public CampaignCompleted {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.notNull(completedAt, "completedAt");
    }
}

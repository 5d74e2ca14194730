package org.alcance.events.campaign;

import java.time.Instant;

import org.alcance.events.Checks;

public record CampaignLaunched(String campaignId, String office, Instant launchedAt) implements CampaignEvent {

    public static final String TYPE = "org.alcance.campaign.campaign-launched.v1";

    public CampaignLaunched {
        Checks.text(campaignId, "campaignId");
        Checks.text(office, "office");
        Checks.notNull(launchedAt, "launchedAt");
    }
}

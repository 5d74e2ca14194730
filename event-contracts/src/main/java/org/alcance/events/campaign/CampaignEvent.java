package org.alcance.events.campaign;

import org.alcance.events.DomainEvent;

/** Events of one campaign, published on {@link org.alcance.events.Topics#CAMPAIGN_EVENTS} keyed by campaign id. */
public sealed interface CampaignEvent extends DomainEvent
        permits CampaignCreated, CampaignRevised, CampaignLaunched, CampaignCompleted, CampaignCancelled,
        ProgressEvent {

    String campaignId();

    @Override
    default String aggregateId() {
        return campaignId();
    }
}

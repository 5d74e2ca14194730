package org.alcance.events;

import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.period.PeriodEvent;
import org.alcance.events.training.TrainingEvent;
import org.alcance.events.vocabulary.VocabularyEvent;

/** Kafka topic names. The record key is {@link DomainEvent#aggregateId()}, so one aggregate stays on one partition. */
public final class Topics {

    public static final String CAMPAIGN_EVENTS = "alcance.campaign.events.v1";
    public static final String TRAINING_EVENTS = "alcance.training.events.v1";
    public static final int DEFAULT_PARTITIONS = 12;

    private Topics() {
    }

    /** The topic an event belongs on: campaign-service's events, reporting periods and the catalogue included, or training-service's. */
    public static String topicOf(DomainEvent event) {
        if (event instanceof CampaignEvent || event instanceof PeriodEvent || event instanceof VocabularyEvent) {
            return CAMPAIGN_EVENTS;
        }
        if (event instanceof TrainingEvent) {
            return TRAINING_EVENTS;
        }
        throw new UnknownEventTypeException("No topic for " + event.getClass().getName());
    }
}

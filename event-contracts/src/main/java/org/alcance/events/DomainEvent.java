package org.alcance.events;

/**
 * A payload record published on a topic. Implemented through
 * {@link org.alcance.events.campaign.CampaignEvent} and {@link org.alcance.events.training.TrainingEvent}.
 */
public interface DomainEvent {

    /** The Kafka key and the CloudEvents subject: the campaign or course id. */
    String aggregateId();

    /** The field office code, e.g. "GT". */
    String office();
}

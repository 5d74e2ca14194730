package org.alcance.events.vocabulary;

import org.alcance.events.DomainEvent;

/**
 * Events of the organisation's shared catalogue of audiences, channels, themes, materials and organisation types.
 * campaign-service owns it and publishes them on {@link org.alcance.events.Topics#CAMPAIGN_EVENTS}, keyed by
 * {@link #aggregateId()}.
 */
public sealed interface VocabularyEvent extends DomainEvent permits VocabularyEntrySet {
}

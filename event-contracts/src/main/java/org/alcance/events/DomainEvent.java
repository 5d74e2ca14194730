package org.alcance.events;

/**
 * A payload record published on a topic. Implemented through
 * {@link org.alcance.events.campaign.CampaignEvent}, {@link org.alcance.events.period.PeriodEvent},
 * {@link org.alcance.events.vocabulary.VocabularyEvent} and
 * {@link org.alcance.events.training.TrainingEvent}.
 */
public interface DomainEvent {

    /** The Kafka key: the campaign, course, reporting period or catalogue entry id, so that one aggregate's events share a partition. */
    String aggregateId();

    /**
     * The CloudEvents subject, whose events the {@code sequence} extension numbers: the aggregate itself, or a
     * part of it whose changes are ordered among themselves only (a progress update's revisions).
     */
    default String subject() {
        return aggregateId();
    }

    /** The field office code, e.g. "GT"; null for an event of the whole organisation (its reporting schedule, its catalogue). */
    String office();
}

package org.alcance.events.period;

import org.alcance.events.DomainEvent;

/**
 * Events of the organisation's reporting periods: the schedule an admin sets, and each office's period as it is
 * submitted, approved, returned or reopened. campaign-service owns them and publishes them on
 * {@link org.alcance.events.Topics#CAMPAIGN_EVENTS}, keyed by {@link #aggregateId()}.
 */
public sealed interface PeriodEvent extends DomainEvent permits ReportingScheduleSet, PeriodStatusChanged {
}

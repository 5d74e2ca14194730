package org.alcance.events.period;

import java.time.Instant;
import java.time.LocalDate;
import org.alcance.events.Checks;

/**
 * The organisation's reporting schedule: periods of {@code frequency} from {@code startsOn} (the first day of a
 * period), each due {@code dueDays} after its last day. It belongs to no office, so {@link #office()} is null.
 */
public record ReportingScheduleSet(PeriodFrequency frequency, LocalDate startsOn, int dueDays, Instant setAt,
        String setBy) implements PeriodEvent {

    public static final String TYPE = "org.alcance.campaign.reporting-schedule-set.v1";

    /** The schedule's one aggregate id, and the Kafka key of its events. */
    public static final String ID = "reporting-schedule";

    public ReportingScheduleSet {
        Checks.notNull(frequency, "frequency");
        Checks.notNull(startsOn, "startsOn");
        if (!frequency.containing(startsOn).from().equals(startsOn)) {
            throw new IllegalArgumentException("startsOn must be the first day of a " + frequency + " period");
        }
        Checks.between(dueDays, 0, 366, "dueDays");
        Checks.notNull(setAt, "setAt");
        Checks.text(setBy, "setBy");
    }

    @Override
    public String aggregateId() {
        return ID;
    }

    @Override
    public String office() {
        return null;
    }
}

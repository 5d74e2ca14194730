package org.alcance.reporting.projection;

import java.time.Instant;
import org.alcance.events.period.PeriodFrequency;
import org.alcance.events.period.ReportingScheduleSet;

/** The organisation's reporting schedule as its events set it: which periods are expected, and when each is due. */
public record ScheduleFigures(
        String id,
        String frequency,
        String startsOn,
        int dueDays,
        String setBy,
        long sequence,
        long version,
        Instant asOf) implements Figures {

    public static ScheduleFigures empty(String id) {
        return new ScheduleFigures(id, null, null, 0, null, 0, 0, null);
    }

    public PeriodFrequency periodFrequency() {
        return PeriodFrequency.valueOf(frequency);
    }

    public Step<ScheduleFigures> apply(ReportingScheduleSet event, long sequence, Instant time) {
        if (!Sequencing.isNew("schedule", id, event.aggregateId(), null, null, this.sequence, sequence)) {
            return Step.duplicate(this);
        }
        return Step.applied(new ScheduleFigures(id, event.frequency().name(), event.startsOn().toString(),
                event.dueDays(), event.setBy(), sequence, version + 1, Sequencing.asOf(asOf, time)), this.sequence,
                sequence);
    }
}

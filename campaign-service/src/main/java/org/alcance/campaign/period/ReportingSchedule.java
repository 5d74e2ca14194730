package org.alcance.campaign.period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alcance.events.period.PeriodFrequency;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The organisation's one reporting schedule, set by an admin, with the events it has not yet published. */
@Document(ReportingSchedule.COLLECTION)
record ReportingSchedule(
        @Id String id,
        PeriodFrequency frequency,
        LocalDate startsOn,
        int dueDays,
        long sequence,
        Instant changedAt,
        String setBy,
        List<OutboxEvent> outbox) implements Aggregate {

    static final String COLLECTION = "reporting_schedule";

    ReportingSchedule {
        outbox = outbox == null ? List.of() : outbox;
    }
}

package org.alcance.campaign.period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alcance.events.period.PeriodStatus;
import org.alcance.outbox.Aggregate;
import org.alcance.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One office's reporting period ({@code GT/2002-Q2}) from its first submission on: where it stands, every step
 * it took (who, when, with what comment or reason), and the events it has not yet published.
 */
@Document(ReportingPeriod.COLLECTION)
record ReportingPeriod(
        @Id String id,
        String office,
        String period,
        LocalDate from,
        LocalDate to,
        PeriodStatus status,
        long sequence,
        Instant changedAt,
        List<Step> history,
        List<OutboxEvent> outbox) implements Aggregate {

    static final String COLLECTION = "reporting_periods";

    ReportingPeriod {
        history = history == null ? List.of() : history;
        outbox = outbox == null ? List.of() : outbox;
    }

    record Step(PeriodStatus status, Instant at, String by, String note) {
    }
}

package org.alcance.events.period;

import java.time.Instant;
import java.time.LocalDate;
import org.alcance.events.Checks;

/**
 * An office's reporting period moved to {@code status}: submitted by the office, approved or returned by
 * headquarters, reopened by an admin. {@code note} is the comment or reason given (required to return or reopen).
 * The period's first and last days travel with it, so a consumer needs no schedule to know what it covers.
 */
public record PeriodStatusChanged(String office, String period, LocalDate from, LocalDate to, PeriodStatus status,
        Instant changedAt, String changedBy, String note) implements PeriodEvent {

    public static final String TYPE = "org.alcance.campaign.period-status-changed.v1";

    public PeriodStatusChanged {
        Checks.text(office, "office");
        Checks.text(period, "period");
        Checks.dateRange(from, to);
        Checks.notNull(status, "status");
        Checks.notNull(changedAt, "changedAt");
        Checks.text(changedBy, "changedBy");
        if (status == PeriodStatus.RETURNED || status == PeriodStatus.REOPENED) {
            Checks.text(note, "note");
        } else {
            Checks.optionalText(note, "note");
        }
    }

    /** The aggregate id, and Kafka key, of an office's period. */
    public static String idOf(String office, String period) {
        return office + "/" + period;
    }

    @Override
    public String aggregateId() {
        return idOf(office, period);
    }
}

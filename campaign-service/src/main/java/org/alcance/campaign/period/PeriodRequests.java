package org.alcance.campaign.period;

import java.time.LocalDate;

/** Request bodies of the reporting schedule and periods. */
final class PeriodRequests {

    private PeriodRequests() {
    }

    /** {@code frequency} MONTHLY or QUARTERLY; {@code dueDays} after a period's last day, 15 if absent. */
    record Schedule(String frequency, LocalDate startsOn, Integer dueDays) {
    }

    /** A comment (required to return a period) or, to reopen one, the reason. */
    record Action(String comment, String reason) {
    }
}

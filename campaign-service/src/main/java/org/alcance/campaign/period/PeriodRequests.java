package org.alcance.campaign.period;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** Request bodies of the reporting schedule and periods. */
final class PeriodRequests {

    static final String SCHEDULE_EXAMPLE = """
            {"frequency": "QUARTERLY", "startsOn": "2002-01-01", "dueDays": 15}""";

    private PeriodRequests() {
    }

    /** {@code frequency} MONTHLY or QUARTERLY; {@code dueDays} after a period's last day, 15 if absent. */
    @Schema(name = "ScheduleRequest")
    record Schedule(@Schema(requiredMode = REQUIRED, allowableValues = {"MONTHLY", "QUARTERLY"}) String frequency,
            @Schema(requiredMode = REQUIRED) LocalDate startsOn, Integer dueDays) {
    }

    /** A comment (required to return a period) or, to reopen one, the reason. */
    @Schema(name = "PeriodAction")
    record Action(String comment, String reason) {
    }
}

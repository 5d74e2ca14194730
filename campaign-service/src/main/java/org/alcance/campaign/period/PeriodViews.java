package org.alcance.campaign.period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alcance.events.period.PeriodFrequency;
import org.alcance.events.period.PeriodStatus;

/** The JSON answers of the reporting schedule and periods. */
final class PeriodViews {

    private PeriodViews() {
    }

    record ScheduleView(PeriodFrequency frequency, LocalDate startsOn, int dueDays, Instant changedAt, String setBy) {

        static ScheduleView of(ReportingSchedule schedule) {
            return new ScheduleView(schedule.frequency(), schedule.startsOn(), schedule.dueDays(), schedule.changedAt(),
                    schedule.setBy());
        }
    }

    record PeriodView(String office, String period, LocalDate from, LocalDate to, PeriodStatus status,
            Instant changedAt, List<ReportingPeriod.Step> history) {

        static PeriodView of(ReportingPeriod period) {
            return new PeriodView(period.office(), period.period(), period.from(), period.to(), period.status(),
                    period.changedAt(), period.history());
        }
    }

    record PeriodPage(List<PeriodView> items) {
    }
}

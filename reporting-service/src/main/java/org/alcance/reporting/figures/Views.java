package org.alcance.reporting.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alcance.reporting.projection.CourseFigures;
import org.alcance.reporting.projection.PeriodFigures;

/** The JSON answers of the figures API. Counts are exact integers; maps have sorted keys. */
final class Views {

    private Views() {
    }

    /**
     * {@code illustrative}: how many of its campaigns and courses are sample data; {@code periods}: the standing of
     * the reporting periods that the months of reach fall in; {@code labels}: the catalogue's labels of its codes in
     * the caller's language.
     */
    record Overview(Instant asOf, Filters filters, Illustrative illustrative, Campaigns campaigns, Reach reach, List<AudienceProgress> targets,
                    Map<String, Long> materials, Courses courses, Participants participants,
                    List<TrainingProgress> trainingTargets, List<PeriodStanding> periods, Labels.Shown labels) {

        Overview with(Filters filters) {
            return new Overview(asOf, filters, illustrative, campaigns, reach, targets, materials, courses, participants,
                    trainingTargets, periods, labels);
        }

        Overview with(List<PeriodStanding> periods) {
            return new Overview(asOf, filters, illustrative, campaigns, reach, targets, materials, courses, participants,
                    trainingTargets, periods, labels);
        }

        Overview with(Reach reach, List<AudienceProgress> targets, Map<String, Long> materials, Labels.Shown labels) {
            return new Overview(asOf, filters, illustrative, campaigns, reach, targets, materials, courses, participants,
                    trainingTargets, periods, labels);
        }
    }

    /**
     * Participants to train of an organisation type and sex (null: any) against those trained, who completed: a
     * course's, or summed over the courses in an overview that set that target (those that started in its
     * period, if it has one).
     */
    record TrainingProgress(String organisationType, String sex, long target, long trained,
                            BigDecimal percentAchieved) {
    }

    /** A reporting period's standing: APPROVED, SUBMITTED or PROVISIONAL, overall and for each office. */
    record PeriodStanding(String period, String from, String to, String status, Map<String, String> offices) {
    }

    /** The schedule, and each period's completeness; without a schedule, both empty. */
    record Completeness(Instant asOf, Schedule schedule, List<PeriodCompleteness> periods) {
    }

    record Schedule(String frequency, String startsOn, int dueDays) {
    }

    /**
     * Offices expected to report for a period, how many submitted (or are approved), are approved, are late;
     * {@code status} is the figures' standing over the expected offices.
     */
    record PeriodCompleteness(String period, String from, String to, String due, String status, long expected,
                              long submitted, long approved, long late, List<OfficePeriod> offices) {
    }

    /** {@code state} is the period's own status (null if never submitted; RETURNED, REOPENED are provisional). */
    record OfficePeriod(String office, String status, String state, boolean expected, boolean late,
                        Instant submittedAt, List<PeriodFigures.Change> history) {
    }

    /**
     * The campaigns and courses in an answer's scope that were created as sample data, made to show the figures
     * rather than reported by a field office (docs/architecture.md, "Illustrative data").
     */
    record Illustrative(long campaigns, long courses) {
    }

    /** What was asked for; {@code asOf} is the day the figures stand as of, if one was asked for. */
    record Filters(String office, String theme, String from, String to, String asOf) {
    }

    record Campaigns(long total, Map<String, Long> byStatus, long updatesCounted) {
    }

    /**
     * {@code byTheme} counts a campaign's reach under each of its themes, so it may sum to more than the total.
     * {@code byCountry} (ISO 3166-1 alpha-2) is the place's subdivision's country, else the office's;
     * {@code bySubdivision} (ISO 3166-2) counts places with a code only, so it may sum to less.
     */
    record Reach(long total, Map<String, Long> byAudience, Map<String, Long> byTheme, Map<String, Long> byChannel,
                 Map<String, Long> byOffice, Map<String, Long> byMonth, Map<String, Long> byCountry,
                 Map<String, Long> bySubdivision, Map<String, Long> bySex, Map<String, Long> byAgeGroup) {
    }

    /**
     * Reach of one audience against its target; {@code percentAchieved} is (baseline + reached) / target, null
     * without a target. {@code baseline} and {@code milestones} are a campaign's (an overview sums no milestones).
     */
    record AudienceProgress(String audience, Long target, long reached, BigDecimal percentAchieved,
                            Map<String, Long> bySex, Map<String, Long> byAgeGroup, Long baseline,
                            List<MilestoneProgress> milestones) {
    }

    /**
     * A cumulative milestone: its target, and the baseline plus the people reached by the end of its month
     * ({@code achieved}); {@code sincePrevious} are the same since the milestone before (or the campaign's start).
     */
    record MilestoneProgress(String by, long target, long achieved, BigDecimal percentAchieved,
                             long targetSincePrevious, long achievedSincePrevious) {
    }

    record Courses(long total, Map<String, Long> byStatus, long sessionsHeld) {
    }

    /**
     * Counts of enrolments, a person enrolled in two courses counted in each; and {@code people}, overall and
     * {@code peopleByOffice}: the persons enrolled, present at least once and completed, each counted once across
     * the courses in scope ({@code people.completed}: the participants trained, counted once). {@code byCountry} is
     * by the participants' own country (ISO 3166-1 alpha-2; UNKNOWN for profiles not seen), not the course's.
     */
    record Participants(long enrolled, long waitlisted, long withdrawn, long attended, long attendedSessions,
                        long completed, Counts people, Map<String, Counts> byOffice,
                        Map<String, Counts> peopleByOffice, Map<String, Counts> bySex,
                        Map<String, Counts> byOrganisationType, Map<String, Counts> byCountry) {
    }

    /** Participants (or people) enrolled now, present (or late) at least once, completed. */
    record Counts(long enrolled, long attended, long completed) {

        Counts plus(long enrolled, long attended, long completed) {
            return new Counts(Math.addExact(this.enrolled, enrolled), Math.addExact(this.attended, attended),
                    Math.addExact(this.completed, completed));
        }

        Counts plus(Counts other) {
            return plus(other.enrolled, other.attended, other.completed);
        }
    }

    record OfficeFigures(String office, Instant asOf, Overview figures, List<CampaignSummary> campaigns,
                         List<CourseSummary> courses) {
    }

    /** {@code illustrative}: the campaign is sample data. */
    record CampaignSummary(String id, String office, String title, String status, long reached, boolean illustrative,
                           Instant asOf) {
    }

    /** {@code illustrative}: the course is sample data. */
    record CourseSummary(String id, String office, String title, String status, long enrolled, long completed,
                         boolean illustrative, Instant asOf) {
    }

    record Month(String month, long people) {
    }

    /**
     * {@code sequence} numbers the campaign's own events (and version 1 progress events), not its updates;
     * {@code illustrative}: the campaign is sample data.
     */
    record CampaignDetail(String id, String office, boolean illustrative, String title, String status, List<String> themes,
                          List<String> channels, List<String> partners, String startDate, String endDate,
                          long sequence, Instant asOf, long reached, List<AudienceProgress> audiences,
                          Map<String, Long> bySex, Map<String, Long> byAgeGroup, Map<String, Long> byChannel,
                          Map<String, Long> bySubdivision, List<Month> monthly, Map<String, Long> materials, long updatesCounted,
                          long updatesRetracted, Labels.Shown labels) {
    }

    /** {@code illustrative}: the course is sample data. */
    record CourseDetail(String id, String office, boolean illustrative, String title, List<String> topics, String format, String venue,
                        List<String> targetAudiences, String startDate, String endDate, int capacity, String status,
                        long sequence, Instant asOf, long sessionsHeld, List<CourseFigures.Session> sessions,
                        long enrolled, long waitlisted, long withdrawn, long attendedSessions,
                        long participantsAttended, long completed, Double completionRate, Double meanPreScore,
                        Double meanPostScore, List<CourseFigures.Cell> cells, List<TrainingProgress> targets,
                        Labels.Shown labels) {

        CourseDetail with(Labels.Shown labels) {
            return new CourseDetail(id, office, illustrative, title, topics, format, venue, targetAudiences, startDate, endDate,
                    capacity, status, sequence, asOf, sessionsHeld, sessions, enrolled, waitlisted, withdrawn,
                    attendedSessions, participantsAttended, completed, completionRate, meanPreScore, meanPostScore,
                    cells, targets, labels);
        }
    }

    static BigDecimal percent(long reached, Long target) {
        if (target == null || target == 0) {
            return null;
        }
        return BigDecimal.valueOf(reached).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
    }

    static Instant newest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}

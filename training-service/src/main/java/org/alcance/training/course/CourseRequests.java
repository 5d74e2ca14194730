package org.alcance.training.course;

import java.time.LocalDate;
import java.util.List;
import org.alcance.events.training.ParticipantTarget;

/** The bodies field offices send about courses; {@link CourseRules} checks every field at once. */
final class CourseRequests {

    private CourseRequests() {
    }

    /**
     * Participants to train (to see complete the course): of an organisation type, a sex, both, or everyone where
     * both are left out.
     */
    record Target(String organisationType, String sex, Long participants) {

        static Target of(ParticipantTarget target) {
            return new Target(target.organisationType() == null ? null : target.organisationType().name(),
                    target.sex() == null ? null : target.sex().name(), target.participants());
        }
    }

    /** Omitted: 80% attendance and no assessment needed. */
    record Rule(Double minAttendanceShare, Integer minPostScore) {
    }

    /**
     * {@code format} is one of COURSE, WORKSHOP, SEMINAR, ROUND_TABLE, STUDY_VISIT, E_LEARNING. {@code clientReference}
     * (here and for a session): the office's own id for it; sending it again changes nothing. {@code illustrative}:
     * true for sample data made to show the figures; false if left out.
     */
    record Create(String office, String title, List<String> topics, String format, String venue, List<String> partners,
            List<String> presenters, List<String> targetAudiences, LocalDate startDate, LocalDate endDate,
            Integer capacity, Rule completionRule, List<Target> targets, String clientReference, Boolean illustrative) {
    }

    /** Only the fields present change; {@code reason} travels with the revision's event. */
    record Revise(String title, List<String> topics, String format, String venue, List<String> partners,
            List<String> presenters, List<String> targetAudiences, LocalDate startDate, LocalDate endDate,
            Integer capacity, Rule completionRule, List<Target> targets, String reason) {
    }

    record Cancel(String reason) {
    }

    record AddSession(LocalDate date, String title, Integer durationMinutes, String clientReference) {
    }
}

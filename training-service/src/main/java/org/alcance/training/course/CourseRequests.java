package org.alcance.training.course;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.alcance.events.training.ParticipantTarget;

/** The bodies field offices send about courses; {@link CourseRules} checks every field at once. */
final class CourseRequests {

    /** Armenia's course at the Border Management Training Centre, February 2002 (its capacity and targets ours). */
    static final String EXAMPLE = """
            {"title": "Training Course on Migration Legislation", "topics": ["Armenian legislation on migration"],
             "format": "COURSE", "venue": "Border Management Training Centre, Yerevan",
             "presenters": ["Ministry of Foreign Affairs", "UNHCR Yerevan Office"],
             "targetAudiences": ["border officials"], "startDate": "2002-02-01", "endDate": "2002-02-28",
             "capacity": 25, "completionRule": {"minAttendanceShare": 0.8},
             "targets": [{"organisationType": "BORDER_GUARD", "participants": 20}], "clientReference": "am-bmtc-2002"}""";

    static final String MINIMAL = """
            {"title": "Training Course on Migration Legislation", "format": "COURSE",
             "venue": "Border Management Training Centre, Yerevan", "targetAudiences": ["border officials"],
             "startDate": "2002-02-01", "endDate": "2002-02-28", "capacity": 25}""";

    static final String SESSION_EXAMPLE = """
            {"date": "2002-02-04", "title": "The law on the legal status of foreigners", "durationMinutes": 240,
             "clientReference": "am-bmtc-2002-day-1"}""";

    static final String SESSION_MINIMAL = """
            {"date": "2002-02-04", "title": "The law on the legal status of foreigners", "durationMinutes": 240}""";

    private CourseRequests() {
    }

    /**
     * Participants to train (to see complete the course): of an organisation type, a sex, both, or everyone where
     * both are left out.
     */
    @Schema(name = "ParticipantTargetInput")
    record Target(String organisationType, String sex, @Schema(requiredMode = REQUIRED) Long participants) {

        static Target of(ParticipantTarget target) {
            return new Target(target.organisationType() == null ? null : target.organisationType().name(),
                    target.sex() == null ? null : target.sex().name(), target.participants());
        }
    }

    /** Omitted: 80% attendance and no assessment needed. */
    @Schema(name = "CompletionRule")
    record Rule(Double minAttendanceShare, Integer minPostScore) {
    }

    /**
     * {@code format} is one of COURSE, WORKSHOP, SEMINAR, ROUND_TABLE, STUDY_VISIT, E_LEARNING. {@code clientReference}
     * (here and for a session): the office's own id for it; sending it again changes nothing. {@code illustrative}:
     * true for sample data made to show the figures; false if left out.
     */
    @Schema(name = "NewCourse")
    record Create(String office, @Schema(requiredMode = REQUIRED) String title, List<String> topics,
            @Schema(requiredMode = REQUIRED) String format, @Schema(requiredMode = REQUIRED) String venue,
            List<String> partners, List<String> presenters, @Schema(requiredMode = REQUIRED) List<String> targetAudiences,
            @Schema(requiredMode = REQUIRED) LocalDate startDate, @Schema(requiredMode = REQUIRED) LocalDate endDate,
            @Schema(requiredMode = REQUIRED) Integer capacity, Rule completionRule, List<Target> targets,
            String clientReference,
            @Schema(description = "true for sample data made to show the figures; false if left out") Boolean illustrative) {
    }

    /** Only the fields present change; {@code reason} travels with the revision's event. */
    @Schema(name = "CourseRevision")
    record Revise(String title, List<String> topics, String format, String venue, List<String> partners,
            List<String> presenters, List<String> targetAudiences, LocalDate startDate, LocalDate endDate,
            Integer capacity, Rule completionRule, List<Target> targets, String reason) {
    }

    @Schema(name = "CourseCancellation")
    record Cancel(@Schema(description = "Why it is cancelled; required to cancel") String reason) {
    }

    @Schema(name = "NewSession")
    record AddSession(@Schema(requiredMode = REQUIRED) LocalDate date, @Schema(requiredMode = REQUIRED) String title,
            @Schema(requiredMode = REQUIRED) Integer durationMinutes, String clientReference) {
    }
}

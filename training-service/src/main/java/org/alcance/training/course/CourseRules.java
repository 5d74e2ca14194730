package org.alcance.training.course;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.alcance.events.Sex;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.training.ParticipantTarget;
import org.alcance.web.Violations;

/** What makes course details and sessions valid. */
final class CourseRules {

    static final int MAX_CAPACITY = 1_000;
    static final double DEFAULT_ATTENDANCE_SHARE = 0.8;
    private static final List<String> FORMATS = Arrays.stream(CourseFormat.values()).map(Enum::name).toList();
    private static final List<String> ORGANISATION_TYPES = Arrays.stream(OrganisationType.values()).map(Enum::name)
            .toList();
    private static final List<String> SEXES = Arrays.stream(Sex.values()).map(Enum::name).toList();

    private CourseRules() {
    }

    static Course.Details details(String title, List<String> topics, String format, String venue, List<String> partners,
            List<String> presenters, List<String> targetAudiences, LocalDate startDate, LocalDate endDate,
            Integer capacity, CourseRequests.Rule rule, List<CourseRequests.Target> targets, Violations violations) {
        violations.text(title, "title", 200)
                .texts(topics, "topics", 30)
                .required(format, "format")
                .within(format, FORMATS, "format")
                .text(venue, "venue", 300)
                .texts(partners, "partners", 50)
                .texts(presenters, "presenters", 50)
                .required(targetAudiences, "targetAudiences")
                .texts(targetAudiences, "targetAudiences", 20)
                .required(startDate, "startDate")
                .required(endDate, "endDate")
                .required(capacity, "capacity");
        if (targetAudiences != null) {
            violations.check(!targetAudiences.isEmpty(), "targetAudiences", "must name at least one audience");
        }
        if (startDate != null && endDate != null) {
            violations.check(!endDate.isBefore(startDate), "endDate", "must not be before startDate");
        }
        if (capacity != null) {
            violations.check(capacity >= 1 && capacity <= MAX_CAPACITY, "capacity",
                    "must be a whole number from 1 to " + MAX_CAPACITY);
        }
        double share = rule == null || rule.minAttendanceShare() == null ? DEFAULT_ATTENDANCE_SHARE
                : rule.minAttendanceShare();
        Integer minScore = rule == null ? null : rule.minPostScore();
        violations.check(share >= 0 && share <= 1, "completionRule.minAttendanceShare", "must be from 0 to 1")
                .check(minScore == null || (minScore >= 0 && minScore <= 100), "completionRule.minPostScore",
                        "must be from 0 to 100");
        targets(orEmpty(targets), capacity, violations);
        violations.throwIfAny();
        return new Course.Details(title, orEmpty(topics), CourseFormat.valueOf(format), venue, orEmpty(partners),
                orEmpty(presenters), targetAudiences, startDate, endDate, capacity, new CompletionRule(share, minScore),
                orEmpty(targets).stream().map(t -> new ParticipantTarget(
                        t.organisationType() == null ? null : OrganisationType.valueOf(t.organisationType()),
                        t.sex() == null ? null : Sex.valueOf(t.sex()), t.participants())).toList());
    }

    private static void targets(List<CourseRequests.Target> targets, Integer capacity, Violations violations) {
        violations.check(targets.size() <= 50, "targets", "must have at most 50 targets");
        for (int i = 0; i < targets.size(); i++) {
            CourseRequests.Target target = targets.get(i);
            String field = "targets[" + i + "]";
            violations.required(target, field);
            if (target == null) {
                continue;
            }
            violations.within(target.organisationType(), ORGANISATION_TYPES, field + ".organisationType")
                    .within(target.sex(), SEXES, field + ".sex")
                    .count(target.participants(), field + ".participants");
            if (target.participants() != null && capacity != null) {
                violations.check(target.participants() <= capacity, field + ".participants",
                        "must not exceed the course's capacity, " + capacity);
            }
        }
        violations.unique(targets, t -> t == null ? null : t.organisationType() + "|" + t.sex(), "targets",
                "");
    }

    static Course.Session session(String id, Course course, CourseRequests.AddSession request) {
        Violations violations = new Violations()
                .required(request.date(), "date")
                .text(request.title(), "title", 200)
                .required(request.durationMinutes(), "durationMinutes");
        Course.Details details = course.details();
        if (request.date() != null) {
            violations.check(!request.date().isBefore(details.startDate()) && !request.date().isAfter(details.endDate()),
                    "date", "must be within the course's dates, " + details.startDate() + " to " + details.endDate());
        }
        if (request.durationMinutes() != null) {
            violations.check(request.durationMinutes() >= 1 && request.durationMinutes() <= 24 * 60, "durationMinutes",
                    "must be from 1 to 1440");
        }
        violations.throwIfAny();
        return new Course.Session(id, request.date(), request.title(), request.durationMinutes());
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}

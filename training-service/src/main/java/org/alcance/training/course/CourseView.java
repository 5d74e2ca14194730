package org.alcance.training.course;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.ParticipantTarget;

/** A course as the API shows it; its people are under {@code /participants}. */
record CourseView(String id, String office, boolean illustrative, String title, List<String> topics, CourseFormat format, String venue,
        List<String> partners, List<String> presenters, List<String> targetAudiences, LocalDate startDate,
        LocalDate endDate, int capacity, CompletionRule completionRule, List<ParticipantTarget> targets,
        CourseStatus status, long enrolled,
        long waitlisted, List<SessionView> sessions, long version, Instant createdAt, Instant changedAt) {

    /** {@code held}: its attendance has been taken. */
    record SessionView(String id, LocalDate date, String title, int durationMinutes, boolean held) {
    }

    static CourseView of(Course course) {
        Course.Details d = course.details();
        long waitlisted = course.enrolments().stream()
                .filter(e -> e.state() == Course.EnrolmentState.WAITLISTED).count();
        List<SessionView> sessions = course.sessions().stream()
                .map(s -> new SessionView(s.id(), s.date(), s.title(), s.durationMinutes(),
                        course.heldSessions().contains(s.id())))
                .toList();
        return new CourseView(course.id(), course.office(), course.illustrative(), d.title(), d.topics(), d.format(), d.venue(), d.partners(),
                d.presenters(), d.targetAudiences(), d.startDate(), d.endDate(), d.capacity(), d.completionRule(),
                d.targets(), course.status(), course.enrolled(), waitlisted, sessions, course.version(), course.createdAt(),
                course.changedAt());
    }

    /** A page of courses; pass {@code nextCursor} back as {@code cursor} for the next one (null at the end). */
    record CoursePage(List<CourseView> items, String nextCursor) {
    }
}

package org.alcance.events.training;

import java.time.LocalDate;
import java.util.List;

import org.alcance.events.Checks;

/**
 * {@code presenters} name roles or institutions (e.g. "Legal adviser, Ministry of Foreign Affairs"), not people:
 * events carry no personal data. {@code targets} are the participants the course aims to train, an optional field
 * added later: events published before carry none. {@code illustrative}: the course is sample data made to show the
 * figures (the local stack's sample season), not a field office's work; also optional, read as false when absent
 * (docs/architecture.md, "Illustrative data").
 */
public record CourseScheduled(
        String courseId,
        String office,
        String title,
        List<String> topics,
        CourseFormat format,
        String venue,
        List<String> partners,
        List<String> presenters,
        List<String> targetAudiences,
        LocalDate startDate,
        LocalDate endDate,
        int capacity,
        CompletionRule completionRule,
        List<ParticipantTarget> targets,
        Boolean illustrative) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.course-scheduled.v1";

    public CourseScheduled {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(title, "title");
        topics = Checks.texts(topics, "topics");
        Checks.notNull(format, "format");
        Checks.text(venue, "venue");
        partners = Checks.texts(partners, "partners");
        presenters = Checks.texts(presenters, "presenters");
        targetAudiences = Checks.texts(targetAudiences, "targetAudiences");
        Checks.dateRange(startDate, endDate);
        Checks.atLeast(capacity, 1, "capacity");
        Checks.notNull(completionRule, "completionRule");
        targets = Checks.list(targets, "targets");
        illustrative = Boolean.TRUE.equals(illustrative);
    }
}

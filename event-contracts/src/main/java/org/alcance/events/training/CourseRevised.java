package org.alcance.events.training;

import java.time.LocalDate;
import java.util.List;

import org.alcance.events.Checks;

/**
 * Carries the full new values of every revisable field, so consumers replace rather than merge; {@code targets}
 * (optional, added later) as {@link CourseScheduled}'s.
 */
public record CourseRevised(
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
        String reason) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.course-revised.v1";

    public CourseRevised {
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
        Checks.optionalText(reason, "reason");
    }
}

package org.alcance.events.training;

import java.time.Instant;

import org.alcance.events.Checks;

public record CourseCompleted(String courseId, String office, Instant completedAt) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.course-completed.v1";

    public CourseCompleted {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.notNull(completedAt, "completedAt");
    }
}

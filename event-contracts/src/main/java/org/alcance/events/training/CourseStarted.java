package org.alcance.events.training;

import java.time.Instant;

import org.alcance.events.Checks;

public record CourseStarted(String courseId, String office, Instant startedAt) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.course-started.v1";

    public CourseStarted {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.notNull(startedAt, "startedAt");
    }
}

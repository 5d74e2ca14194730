package org.alcance.events.training;

import java.time.Instant;

import org.alcance.events.Checks;

public record CourseCancelled(
        String courseId,
        String office,
        Instant cancelledAt,
        String reason) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.course-cancelled.v1";

    public CourseCancelled {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.notNull(cancelledAt, "cancelledAt");
        Checks.text(reason, "reason");
    }
}

package org.alcance.events.training;

import java.time.LocalDate;

import org.alcance.events.Checks;

public record SessionHeld(
        String courseId,
        String office,
        String sessionId,
        LocalDate date,
        String title,
        int durationMinutes) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.session-held.v1";

    public SessionHeld {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(sessionId, "sessionId");
        Checks.notNull(date, "date");
        Checks.text(title, "title");
        Checks.atLeast(durationMinutes, 1, "durationMinutes");
    }
}

package org.alcance.events.training;

import org.alcance.events.Checks;

public record AttendanceRecorded(
        String courseId,
        String office,
        String sessionId,
        String participantId,
        AttendanceStatus status) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.attendance-recorded.v1";

    public AttendanceRecorded {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(sessionId, "sessionId");
        Checks.text(participantId, "participantId");
        Checks.notNull(status, "status");
    }
}

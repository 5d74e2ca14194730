package org.alcance.events.training;

import org.alcance.events.Checks;

/** Completion by the course's {@link CompletionRule}; {@code attendanceShare} is in [0, 1]. */
public record ParticipantCompleted(
        String courseId,
        String office,
        String participantId,
        double attendanceShare,
        Integer postScore,
        String certificateCode) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.participant-completed.v1";

    public ParticipantCompleted {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
        Checks.share(attendanceShare, "attendanceShare");
        Checks.optionalBetween(postScore, 0, 100, "postScore");
        Checks.optionalText(certificateCode, "certificateCode");
    }
}

package org.alcance.events.training;

import org.alcance.events.Checks;

/**
 * Completion by the course's {@link CompletionRule}; {@code attendanceShare} is in [0, 1]. The certificate's code
 * is not in it: anyone holding the code may verify the certificate, so it stays in training-service.
 */
public record ParticipantCompleted(
        String courseId,
        String office,
        String participantId,
        double attendanceShare,
        Integer postScore) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.participant-completed.v2";

    /** The same completion with the certificate's code in {@code certificateCode}, which is read and dropped. */
    public static final String TYPE_V1 = "org.alcance.training.participant-completed.v1";

    public ParticipantCompleted {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
        Checks.share(attendanceShare, "attendanceShare");
        Checks.optionalBetween(postScore, 0, 100, "postScore");
    }
}

package org.alcance.events.training;

import org.alcance.events.Checks;

/** {@code participantId} is pseudonymous: the training service alone can map it to a person. */
public record ParticipantEnrolled(
        String courseId,
        String office,
        String participantId,
        ParticipantProfile profile,
        EnrolmentStatus status) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.participant-enrolled.v1";

    public ParticipantEnrolled {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
        Checks.notNull(profile, "profile");
        Checks.notNull(status, "status");
    }
}

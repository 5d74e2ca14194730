package org.alcance.events.training;

import org.alcance.events.Checks;

/** {@code reason} is optional. */
public record ParticipantWithdrawn(
        String courseId,
        String office,
        String participantId,
        String reason) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.participant-withdrawn.v1";

    public ParticipantWithdrawn {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
        Checks.optionalText(reason, "reason");
    }
}

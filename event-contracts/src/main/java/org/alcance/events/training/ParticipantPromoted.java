package org.alcance.events.training;

import org.alcance.events.Checks;

/** Moved from the waitlist to enrolled. */
public record ParticipantPromoted(String courseId, String office, String participantId) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.participant-promoted.v1";

    public ParticipantPromoted {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
    }
}

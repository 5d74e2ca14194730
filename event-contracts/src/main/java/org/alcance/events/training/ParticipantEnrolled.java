package org.alcance.events.training;

import org.alcance.events.Checks;

/**
 * {@code participantId} is pseudonymous: the training service alone can map it to a person. {@code personId} is
 * as pseudonymous and names the person across every course of the office, so that figures count people once
 * (docs/architecture.md, "People counted once").
 *
 * <p>{@code personId} is an optional addition to this version, not a version 2: no field changes meaning, and
 * consumers ignore fields they do not know, so one built before it still counts enrolments exactly, whereas a new
 * type would be unknown to it, hence dead-lettered, until it is upgraded. Events published before carry none:
 * such a participant is a person of their own.
 */
public record ParticipantEnrolled(
        String courseId,
        String office,
        String participantId,
        String personId,
        ParticipantProfile profile,
        EnrolmentStatus status) implements TrainingEvent {

    public static final String TYPE = "org.alcance.training.participant-enrolled.v1";

    public ParticipantEnrolled {
        Checks.text(courseId, "courseId");
        Checks.text(office, "office");
        Checks.text(participantId, "participantId");
        Checks.optionalText(personId, "personId");
        Checks.notNull(profile, "profile");
        Checks.notNull(status, "status");
    }
}

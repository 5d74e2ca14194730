package org.alcance.events.training;

import org.alcance.events.Checks;
import org.alcance.events.Sex;

/**
 * How many participants a course aims to train (to see complete it): of one organisation type, of one sex, of
 * both, or of everyone where both are null.
 */
public record ParticipantTarget(OrganisationType organisationType, Sex sex, long participants) {

    public ParticipantTarget {
        Checks.nonNegative(participants, "participants");
    }
}

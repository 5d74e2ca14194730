package org.alcance.training.participant;

import java.time.Instant;
import org.alcance.events.training.ParticipantProfile;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person enrolled in one course. Their personal data ({@code person}) lives here only; events and
 * the course carry the pseudonymous id and the {@code profile} reports disaggregate by. Erasure
 * removes {@code person} and keeps the rest, so figures stay whole.
 *
 * @param personReference the office's own id for the person, in any of its courses; with the email it finds
 *     {@code personId}, the same for each of the person's enrolments in the office (see {@link PersonKeys})
 */
@Document(Participant.COLLECTION)
record Participant(@Id String id, String courseId, String office, int revision, Person person,
        ParticipantProfile profile, String clientReference, String personReference, String personId,
        Instant enrolledAt, Instant erasedAt) {

    static final String COLLECTION = "participants";

    /** As the field office entered it. */
    record Person(String name, String email, String phone, String organisation, String position, String nationality) {
    }

    Participant erased(Instant at) {
        return new Participant(id, courseId, office, revision + 1, null, profile, clientReference, personReference,
                personId, enrolledAt, at);
    }
}

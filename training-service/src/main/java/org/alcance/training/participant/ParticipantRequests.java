package org.alcance.training.participant;

import java.util.List;

/** The bodies field offices send about participants; {@link ParticipantRules} checks every field at once. */
final class ParticipantRequests {

    private ParticipantRequests() {
    }

    /**
     * A person to enrol. {@code clientReference} is the office's own id for them in this course:
     * enrolling it again changes nothing. {@code personReference} is the office's own id for the person
     * in any of its courses; with the email, it makes their enrolments count as one person's.
     * {@code country} is the ISO 3166 alpha-2 code reports use; {@code nationality} is kept as entered.
     */
    record Enrol(String clientReference, String personReference, String name, String email, String phone,
            String organisation, String organisationType, String position, String sex, String ageGroup,
            String nationality, String country) {
    }

    record Withdraw(String reason) {
    }

    record Mark(String participantId, String status) {
    }

    /** What happened at one session, for each participant listed. */
    record Attendance(List<Mark> records) {
    }

    /** {@code kind} is PRE or POST; {@code score} from 0 to 100. */
    record Score(String participantId, String kind, Integer score) {
    }

    record Assessments(List<Score> records) {
    }
}

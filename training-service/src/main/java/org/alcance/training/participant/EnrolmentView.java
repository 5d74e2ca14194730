package org.alcance.training.participant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.ParticipantProfile;
import org.alcance.training.course.Course;

/**
 * A participant's place in a course. {@code name} is shown on the course office's own roster only;
 * answers to writes never carry personal data, so no stored replay of them holds any. {@code personId} is
 * the pseudonymous id of the person, the same in each of their enrolments in the office.
 *
 * @param waitlistPosition 1 for the next to be promoted; absent unless waitlisted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EnrolmentView(String participantId, String personId, String clientReference, String name,
        Course.EnrolmentState state, Integer waitlistPosition, ParticipantProfile profile,
        Map<String, AttendanceStatus> attendance, Integer preScore, Integer postScore, Course.Completion completion) {

    static EnrolmentView of(Course course, Course.Enrolment enrolment, Participant participant, boolean withName) {
        Integer position = null;
        if (enrolment.state() == Course.EnrolmentState.WAITLISTED) {
            position = 1 + (int) course.enrolments().stream()
                    .takeWhile(e -> !e.participantId().equals(enrolment.participantId()))
                    .filter(e -> e.state() == Course.EnrolmentState.WAITLISTED).count();
        }
        String name = withName && participant != null && participant.person() != null ? participant.person().name() : null;
        return new EnrolmentView(enrolment.participantId(), participant == null ? null : participant.personId(),
                participant == null ? null : participant.clientReference(), name, enrolment.state(), position,
                enrolment.profile(), enrolment.attendance(), enrolment.preScore(), enrolment.postScore(),
                enrolment.completion());
    }
}

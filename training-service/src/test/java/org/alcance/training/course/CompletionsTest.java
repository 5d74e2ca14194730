package org.alcance.training.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alcance.events.AgeGroup;
import org.alcance.events.Sex;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.CompletionRule;
import org.alcance.events.training.CourseFormat;
import org.alcance.events.training.OrganisationType;
import org.alcance.events.training.ParticipantProfile;
import org.junit.jupiter.api.Test;

class CompletionsTest {

    private static final ParticipantProfile PROFILE =
            new ParticipantProfile(Sex.MALE, AgeGroup.AGE_35_49, OrganisationType.POLICE, "GT");

    @Test
    void shouldCountPresentAndLateButNotExcusedOrAbsentAgainstTheSessionsHeld() {
        Course course = course(new CompletionRule(0.5, null), List.of("s1", "s2", "s3", "s4"),
                enrolment("p", Course.EnrolmentState.ENROLLED, Map.of("s1", AttendanceStatus.PRESENT,
                        "s2", AttendanceStatus.LATE, "s3", AttendanceStatus.EXCUSED), null));
        assertThat(Completions.attendanceShare(course, course.enrolments().get(0))).isEqualTo(0.5);
    }

    @Test
    void shouldCompleteOnlyEnrolledParticipantsWhoMeetBothPartsOfTheRule() {
        Map<String, AttendanceStatus> always = Map.of("s1", AttendanceStatus.PRESENT, "s2", AttendanceStatus.PRESENT);
        Course course = course(new CompletionRule(0.8, 60), List.of("s1", "s2"),
                enrolment("passes", Course.EnrolmentState.ENROLLED, always, 60),
                enrolment("low-score", Course.EnrolmentState.ENROLLED, always, 59),
                enrolment("no-score", Course.EnrolmentState.ENROLLED, always, null),
                enrolment("half", Course.EnrolmentState.ENROLLED, Map.of("s1", AttendanceStatus.PRESENT), 90),
                enrolment("withdrew", Course.EnrolmentState.WITHDRAWN, always, 90));

        Completions.Decided decided = Completions.decide(course, LocalDate.of(2002, 10, 19));

        assertThat(decided.events()).extracting(e -> e.participantId()).containsExactly("passes");
        assertThat(decided.enrolments()).filteredOn(e -> e.completion() != null)
                .extracting(Course.Enrolment::participantId).containsExactly("passes");
        assertThat(decided.enrolments()).filteredOn(e -> e.completion() != null).singleElement()
                .extracting(e -> e.completion().certificateCode()).asString()
                .matches("GT-2002(-[A-HJ-NP-Z2-9]{5}){5}-[A-HJ-NP-Z2-9]");
    }

    @Test
    void shouldCompleteNobodyWhenNoSessionWasHeld() {
        Course course = course(new CompletionRule(0.8, null), List.of(),
                enrolment("p", Course.EnrolmentState.ENROLLED, Map.of(), null));
        assertThat(Completions.decide(course, LocalDate.of(2002, 10, 19)).events()).isEmpty();
    }

    private static Course.Enrolment enrolment(String id, Course.EnrolmentState state,
            Map<String, AttendanceStatus> attendance, Integer postScore) {
        return new Course.Enrolment(id, state, PROFILE, Instant.EPOCH, attendance, null, postScore, null);
    }

    private static Course course(CompletionRule rule, List<String> held, Course.Enrolment... enrolments) {
        Course.Details details = new Course.Details("Workshop for migration staff", List.of(), CourseFormat.WORKSHOP,
                "Tecún Umán", List.of(), List.of(), List.of("border police"), LocalDate.of(2002, 10, 7),
                LocalDate.of(2002, 10, 19), 30, rule, List.of());
        return new Course("c", "GT", details, false, CourseStatus.IN_PROGRESS, 1, 1, Instant.EPOCH, "s", Instant.EPOCH, List.of(),
                held, List.of(enrolments), List.of());
    }
}

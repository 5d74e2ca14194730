package org.alcance.reporting.projection;

import static org.alcance.events.Sex.FEMALE;
import static org.alcance.events.Sex.MALE;
import static org.alcance.events.training.AttendanceStatus.ABSENT;
import static org.alcance.events.training.AttendanceStatus.EXCUSED;
import static org.alcance.events.training.AttendanceStatus.LATE;
import static org.alcance.events.training.AttendanceStatus.PRESENT;
import static org.alcance.events.training.EnrolmentStatus.ENROLLED;
import static org.alcance.events.training.EnrolmentStatus.WAITLISTED;
import static org.alcance.events.training.OrganisationType.BORDER_GUARD;
import static org.alcance.events.training.OrganisationType.NGO;
import static org.alcance.reporting.Events.assessed;
import static org.alcance.reporting.Events.attended;
import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.promoted;
import static org.alcance.reporting.Events.scheduled;
import static org.alcance.reporting.Events.session;
import static org.alcance.reporting.Events.started;
import static org.alcance.reporting.Events.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.alcance.events.training.AssessmentKind;
import org.alcance.events.training.TrainingEvent;
import org.alcance.reporting.projection.CourseFigures.Cell;
import org.junit.jupiter.api.Test;

class CourseFiguresTest {

    private static final String ID = "course-1";
    private static final Instant T0 = Instant.parse("2002-06-10T00:00:00Z");

    private static List<TrainingEvent> history() {
        return List.of(
                scheduled(ID, "GT"),                                        // 1
                enrolled(ID, "GT", "p1", FEMALE, BORDER_GUARD, ENROLLED),   // 2
                enrolled(ID, "GT", "p2", MALE, BORDER_GUARD, ENROLLED),     // 3
                enrolled(ID, "GT", "p3", FEMALE, NGO, ENROLLED),            // 4
                enrolled(ID, "GT", "p4", MALE, NGO, WAITLISTED),            // 5
                started(ID, "GT"),                                          // 6
                session(ID, "GT", "s1"),                                    // 7
                attended(ID, "GT", "s1", "p1", PRESENT),                    // 8
                attended(ID, "GT", "s1", "p2", LATE),                       // 9
                attended(ID, "GT", "s1", "p3", ABSENT),                     // 10
                withdrawn(ID, "GT", "p3"),                                  // 11
                promoted(ID, "GT", "p4"),                                   // 12
                session(ID, "GT", "s2"),                                    // 13
                attended(ID, "GT", "s2", "p1", PRESENT),                    // 14
                attended(ID, "GT", "s2", "p2", EXCUSED),                    // 15
                attended(ID, "GT", "s2", "p4", PRESENT),                    // 16
                assessed(ID, "GT", "p1", AssessmentKind.PRE, 40),           // 17
                assessed(ID, "GT", "p2", AssessmentKind.PRE, 61),           // 18
                assessed(ID, "GT", "p1", AssessmentKind.POST, 90),          // 19
                completedCourse(ID, "GT", "p1"));                           // 20
    }

    private static Instant time(long sequence) {
        return T0.plusSeconds(60 * sequence);
    }

    private static CourseFigures applyAll(List<TrainingEvent> events) {
        CourseFigures figures = CourseFigures.empty(ID);
        for (int i = 0; i < events.size(); i++) {
            figures = figures.apply(events.get(i), i + 1, time(i + 1)).figures();
        }
        return figures;
    }

    /** Spring Data reads a stored read model through the record's constructor, as here. */
    @Test
    void shouldReadAStatusStoredAsStartedByEarlierVersionsAsInProgress() {
        CourseFigures f = applyAll(history());
        CourseFigures stored = new CourseFigures(f.id(), f.office(), null, f.title(), f.topics(), f.format(), f.venue(),
                f.targetAudiences(), f.startDate(), f.endDate(), f.capacity(), "STARTED", f.sequence(), f.version(),
                f.asOf(), f.gaps(), f.participants(), f.sessions(), f.sessionsHeld(), f.enrolled(), f.waitlisted(),
                f.withdrawn(), f.attendedSessions(), f.participantsAttended(), f.completed(), f.completionRate(),
                f.meanPreScore(), f.meanPostScore(), f.cells(), f.people(), f.targets());
        assertThat(stored.status()).isEqualTo("IN_PROGRESS").isEqualTo(f.status());
        assertThat(stored.illustrative()).as("stored before the illustrative flag").isFalse();
    }

    @Test
    void shouldDeriveEnrolmentAttendanceCompletionAndScoresFromTheParticipants() {
        CourseFigures figures = applyAll(history());

        assertThat(figures.status()).isEqualTo("IN_PROGRESS");
        assertThat(figures.sessionsHeld()).isEqualTo(2);
        assertThat(figures.enrolled()).isEqualTo(3);       // p1, p2, p4 (promoted)
        assertThat(figures.waitlisted()).isZero();
        assertThat(figures.withdrawn()).isEqualTo(1);      // p3
        assertThat(figures.attendedSessions()).isEqualTo(4); // p1 twice, p2 late once, p4 once
        assertThat(figures.participantsAttended()).isEqualTo(3);
        assertThat(figures.completed()).isEqualTo(1);
        assertThat(figures.completionRate()).isEqualTo(0.25); // 1 of the 4 who held a place
        assertThat(figures.meanPreScore()).isEqualTo(50.5);
        assertThat(figures.meanPostScore()).isEqualTo(90.0);
        assertThat(figures.cells()).containsExactly(
                new Cell("FEMALE", "AGE_35_49", "BORDER_GUARD", "GT", 1, 1, 1),
                new Cell("FEMALE", "AGE_35_49", "NGO", "GT", 0, 0, 0),
                new Cell("MALE", "AGE_35_49", "BORDER_GUARD", "GT", 1, 1, 0),
                new Cell("MALE", "AGE_35_49", "NGO", "GT", 1, 1, 0));
        assertThat(figures.asOf()).isEqualTo(time(20));
    }

    @Test
    void shouldNameEachPersonOnceByStateAndAParticipantWhoseEnrolmentNamedNoneAsAPersonOfTheirOwn() {
        CourseFigures figures = applyAll(List.of(scheduled(ID, "GT"),
                enrolled(ID, "GT", "p1", "person-a", FEMALE, NGO, ENROLLED),
                enrolled(ID, "GT", "p2", "person-a", FEMALE, NGO, ENROLLED),   // the office enrolled her twice
                enrolled(ID, "GT", "p3", "person-b", MALE, NGO, WAITLISTED),
                enrolled(ID, "GT", "p4", FEMALE, BORDER_GUARD, ENROLLED),     // published before persons were named
                session(ID, "GT", "s1"),
                attended(ID, "GT", "s1", "p1", PRESENT),
                attended(ID, "GT", "s1", "p2", LATE),
                attended(ID, "GT", "s1", "p4", ABSENT),
                completedCourse(ID, "GT", "p1"),
                completedCourse(ID, "GT", "p2")));

        assertThat(figures.enrolled()).isEqualTo(3);
        assertThat(figures.completed()).isEqualTo(2);
        assertThat(figures.people()).isEqualTo(new CourseFigures.People(List.of("participant:p4", "person-a"),
                List.of("person-a"), List.of("person-a")));
        assertThat(figures.withoutParticipants().people()).isEqualTo(figures.people());
        assertThat(figures.withoutParticipants().participants()).isEmpty();

        CourseFigures promoted = figures.apply(promoted(ID, "GT", "p3"), 12, time(12)).figures();
        assertThat(promoted.people().enrolled()).containsExactly("participant:p4", "person-a", "person-b");
        assertThat(promoted.apply(withdrawn(ID, "GT", "p1"), 13, time(13)).figures().people().enrolled())
                .as("still enrolled as p2").containsExactly("participant:p4", "person-a", "person-b");
    }

    @Test
    void shouldCountNothingTwiceWhenEventsAreRedeliveredInAnyOrderBehindTheSequence() {
        List<TrainingEvent> events = history();
        CourseFigures figures = CourseFigures.empty(ID);
        long duplicates = 0;
        for (int i = 0; i < events.size(); i++) {
            for (int j = 0; j <= i; j += 3) { // event i, then a handful of older ones again
                Step<CourseFigures> step = figures.apply(events.get(i - j), i - j + 1, time(i - j + 1));
                duplicates += step.changed() ? 0 : 1;
                figures = step.figures();
            }
            Step<CourseFigures> again = figures.apply(events.get(i), i + 1, time(i + 1));
            assertThat(again.kind()).isEqualTo(Step.Kind.DUPLICATE);
        }
        assertThat(duplicates).isPositive();
        assertThat(figures).isEqualTo(applyAll(events));
    }

    @Test
    void shouldCountAParticipantMarkedTwiceForOneSessionOnceWithTheLatestMark() {
        CourseFigures figures = applyAll(List.of(scheduled(ID, "GT"),
                enrolled(ID, "GT", "p1", FEMALE, NGO, ENROLLED), session(ID, "GT", "s1"),
                attended(ID, "GT", "s1", "p1", ABSENT), attended(ID, "GT", "s1", "p1", LATE),
                attended(ID, "GT", "s1", "p1", PRESENT)));

        assertThat(figures.attendedSessions()).isEqualTo(1);
        assertThat(figures.participants().get("p1").attendance()).containsEntry("s1", "PRESENT");
    }

    @Test
    void shouldApplyAfterAGapAndKeepAParticipantWhoseEnrolmentWasNeverSeen() {
        CourseFigures figures = CourseFigures.empty(ID).apply(scheduled(ID, "GT"), 1, time(1)).figures();

        Step<CourseFigures> step = figures.apply(attended(ID, "GT", "s1", "p9", PRESENT), 3, time(3));

        assertThat(step.kind()).isEqualTo(Step.Kind.APPLIED_AFTER_GAP);
        assertThat(step.figures().participantsAttended()).isEqualTo(1);
        assertThat(step.figures().cells()).containsExactly(new Cell("UNKNOWN", "UNKNOWN", "UNKNOWN", "UNKNOWN", 1, 1, 0));
    }

    @Test
    void shouldRefuseAnEventThatNamesAnotherOfficeForTheCourse() {
        CourseFigures figures = CourseFigures.empty(ID).apply(scheduled(ID, "GT"), 1, time(1)).figures();

        assertThatThrownBy(() -> figures.apply(started(ID, "SV"), 2, time(2))).isInstanceOf(ProjectionException.class);
    }
}

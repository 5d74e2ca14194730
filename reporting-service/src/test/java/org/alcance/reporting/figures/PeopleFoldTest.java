package org.alcance.reporting.figures;

import static org.alcance.events.Sex.FEMALE;
import static org.alcance.events.Sex.MALE;
import static org.alcance.events.training.AttendanceStatus.PRESENT;
import static org.alcance.events.training.EnrolmentStatus.ENROLLED;
import static org.alcance.events.training.OrganisationType.POLICE;
import static org.alcance.reporting.Events.attended;
import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.scheduled;
import static org.alcance.reporting.Events.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.alcance.events.training.TrainingEvent;
import org.alcance.reporting.projection.CourseFigures;
import org.junit.jupiter.api.Test;

/** The overview counts people once across the courses it folds, from the courses as the cache keeps them. */
class PeopleFoldTest {

    @Test
    void shouldCountAPersonOfSeveralCoursesOnceOverallAndInTheirOffice() {
        CourseFigures first = course("c1", "AM",
                enrolled("c1", "AM", "p1", "person-a", FEMALE, POLICE, ENROLLED),
                enrolled("c1", "AM", "p2", "person-b", MALE, POLICE, ENROLLED),
                session("c1", "AM", "s1"),
                attended("c1", "AM", "s1", "p1", PRESENT),
                completedCourse("c1", "AM", "p1"));
        CourseFigures second = course("c2", "AM",
                enrolled("c2", "AM", "p3", "person-a", FEMALE, POLICE, ENROLLED),
                enrolled("c2", "AM", "p4", MALE, POLICE, ENROLLED),
                session("c2", "AM", "s1"),
                attended("c2", "AM", "s1", "p3", PRESENT),
                completedCourse("c2", "AM", "p3"));
        CourseFigures elsewhere = course("c3", "TN",
                enrolled("c3", "TN", "p5", "person-c", FEMALE, POLICE, ENROLLED),
                session("c3", "TN", "s1"),
                attended("c3", "TN", "s1", "p5", PRESENT),
                completedCourse("c3", "TN", "p5"));

        Views.Participants participants = FigureService.fold(List.of(), Map.of(), List.of(first, second, elsewhere),
                Period.ALWAYS, null).participants();

        assertThat(participants.enrolled()).isEqualTo(5);
        assertThat(participants.completed()).isEqualTo(3);
        assertThat(participants.people()).isEqualTo(new Views.Counts(4, 2, 2));
        assertThat(participants.peopleByOffice()).containsExactly(
                Map.entry("AM", new Views.Counts(3, 1, 1)), Map.entry("TN", new Views.Counts(1, 1, 1)));
        assertThat(participants.byOffice().get("AM")).isEqualTo(new Views.Counts(4, 2, 2));
    }

    /** The course's figures after {@code events}, without participants, as {@code FigureCache} holds them. */
    private static CourseFigures course(String id, String office, TrainingEvent... events) {
        CourseFigures figures = CourseFigures.empty(id).apply(scheduled(id, office), 1, Instant.EPOCH).figures();
        for (int i = 0; i < events.length; i++) {
            figures = figures.apply(events[i], i + 2, Instant.EPOCH.plusSeconds(i + 1)).figures();
        }
        return figures.withoutParticipants();
    }
}

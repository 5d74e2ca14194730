package org.alcance.reporting;

import static org.alcance.reporting.Events.attended;
import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.scheduled;
import static org.alcance.reporting.Events.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.alcance.events.Sex;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.local.Issuer;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Participants trained as people: a person enrolled in two courses of an office is two enrolments, one person. */
@IntegrationTest
class PeopleCountedOnceIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldCountAPersonOfTwoCoursesOnceInEveryScopeAndExportWhileCountingEnrolmentsTwice() {
        String theme = "theme-" + UUID.randomUUID();
        String firstOnly = "topic-" + UUID.randomUUID();
        String first = "course-" + UUID.randomUUID();
        String second = "course-" + UUID.randomUUID();
        String elsewhere = "course-" + UUID.randomUUID();
        String ana = "person-" + UUID.randomUUID();
        String beto = "person-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(scheduled(first, "GT", theme, firstOnly));
            producer.send(enrolled(first, "GT", "p1", ana, Sex.FEMALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(first, "GT", "p2", beto, Sex.MALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            // published before enrolments named the person: a person of their own
            producer.send(enrolled(first, "GT", "p3", Sex.MALE, OrganisationType.NGO, EnrolmentStatus.ENROLLED));
            producer.send(session(first, "GT", "s1"));
            producer.send(attended(first, "GT", "s1", "p1", AttendanceStatus.PRESENT));
            producer.send(completedCourse(first, "GT", "p1"));
            producer.send(scheduled(second, "GT", theme));
            producer.send(enrolled(second, "GT", "p4", ana, Sex.FEMALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(second, "GT", "p5", beto, Sex.MALE, OrganisationType.POLICE, EnrolmentStatus.WAITLISTED));
            producer.send(session(second, "GT", "s1"));
            producer.send(attended(second, "GT", "s1", "p4", AttendanceStatus.LATE));
            producer.send(completedCourse(second, "GT", "p4"));
            producer.send(scheduled(elsewhere, "HN", theme));
            producer.send(enrolled(elsewhere, "HN", "p6", "person-" + UUID.randomUUID(), Sex.FEMALE,
                    OrganisationType.NGO, EnrolmentStatus.ENROLLED));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            body("/api/figures/courses/" + first, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(7);
            body("/api/figures/courses/" + second, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(6);
            body("/api/figures/courses/" + elsewhere, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(2);
        });

        // an overview's fold may serve for a moment after a document changed (FigureCache)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> body("/api/figures/overview?theme=" + theme,
                ISSUER.hq())
                .jsonPath("$.participants.enrolled").isEqualTo(5)
                .jsonPath("$.participants.attended").isEqualTo(2)
                .jsonPath("$.participants.completed").isEqualTo(2)
                .jsonPath("$.participants.people.enrolled").isEqualTo(4) // ana, beto, p3, HN's
                .jsonPath("$.participants.people.attended").isEqualTo(1)
                .jsonPath("$.participants.people.completed").isEqualTo(1)
                .jsonPath("$.participants.byOffice.GT.enrolled").isEqualTo(4)
                .jsonPath("$.participants.byOffice.GT.completed").isEqualTo(2)
                .jsonPath("$.participants.peopleByOffice.GT.enrolled").isEqualTo(3)
                .jsonPath("$.participants.peopleByOffice.GT.completed").isEqualTo(1)
                .jsonPath("$.participants.peopleByOffice.HN.enrolled").isEqualTo(1));
        body("/api/figures/offices/GT?theme=" + theme, ISSUER.office("GT"))
                .jsonPath("$.figures.participants.people.enrolled").isEqualTo(3)
                .jsonPath("$.figures.participants.people.completed").isEqualTo(1)
                .jsonPath("$.figures.participants.peopleByOffice.HN").doesNotExist();
        body("/api/figures/overview?theme=" + theme + "&from=2002-06&to=2002-06", ISSUER.hq())
                .jsonPath("$.participants.completed").isEqualTo(2)
                .jsonPath("$.participants.people.completed").isEqualTo(1);
        body("/api/figures/overview?theme=" + theme + "&from=2002-07", ISSUER.hq())
                .jsonPath("$.participants.people.enrolled").isEqualTo(0);
        body("/api/figures/overview?theme=" + firstOnly, ISSUER.hq())
                .jsonPath("$.participants.people.enrolled").isEqualTo(3)
                .jsonPath("$.participants.people.completed").isEqualTo(1);

        assertThat(csv("totals.csv?theme=" + theme)).contains(List.of("participantsEnrolled", "5"),
                List.of("participantsCompleted", "2"), List.of("peopleEnrolled", "4"), List.of("peopleAttended", "1"),
                List.of("peopleCompleted", "1"));
        assertThat(csv("participants-by-office.csv?theme=" + theme)).containsExactly(
                List.of("office", "enrolled", "attended", "completed", "peopleEnrolled", "peopleAttended",
                        "peopleCompleted"),
                List.of("GT", "4", "2", "2", "3", "1", "1"), List.of("HN", "1", "0", "0", "1", "0", "0"));
    }

    /** The file's rows without the asOf column. */
    private List<List<String>> csv(String file) {
        byte[] body = http.get().uri("/api/exports/" + file).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        return new String(body, StandardCharsets.UTF_8).lines()
                .map(line -> List.of(line.split(",", -1)))
                .map(cells -> cells.subList(0, cells.size() - 1)).toList();
    }

    private WebTestClient.BodyContentSpec body(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody();
    }
}

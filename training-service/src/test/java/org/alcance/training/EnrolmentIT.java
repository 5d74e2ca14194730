package org.alcance.training;

import static org.alcance.training.TrainingApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alcance.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class EnrolmentIT {

    @Autowired
    WebTestClient http;

    TrainingApi api;

    @BeforeEach
    void setUp() {
        api = new TrainingApi(http);
    }

    @Test
    void shouldWaitlistBeyondCapacityAndPromoteInOrderWhenSomeoneWithdraws() {
        String course = api.createStarted("AM", 2);
        String first = api.enrolled("AM", course);
        api.enrolled("AM", course);
        Map<?, ?> third = api.enrol("AM", course, TrainingApi.person(null)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> fourth = api.enrol("AM", course, TrainingApi.person(null)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(third.get("state")).isEqualTo("WAITLISTED");
        assertThat(third.get("waitlistPosition")).isEqualTo(1);
        assertThat(fourth.get("waitlistPosition")).isEqualTo(2);

        withdraw(course, first).expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("WITHDRAWN");
        withdraw(course, first).expectStatus().isEqualTo(409);

        List<Map<String, Object>> roster = roster(course, ISSUER.office("AM"));
        assertThat(roster).extracting(p -> (Object) p.get("state"))
                .containsExactly("WITHDRAWN", "ENROLLED", "ENROLLED", "WAITLISTED");
        assertThat(roster.get(2).get("participantId")).isEqualTo(third.get("participantId"));
        assertThat(roster.get(3).get("waitlistPosition")).isEqualTo(1);
        assertThat(roster.get(1).get("name")).asString().startsWith("Anahit Petrosyan");
        assertThat(roster(course, ISSUER.hq())).allSatisfy(p -> assertThat(p.get("name")).isNull());
    }

    @Test
    void shouldEnrolTheSameClientReferenceOnceAndNameEveryBadField() {
        String course = api.createStarted("AM", 10);
        String reference = "am-" + UUID.randomUUID();
        Map<String, Object> person = TrainingApi.person(reference);
        Map<?, ?> created = api.enrol("AM", course, person).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = api.enrol("AM", course, person).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("participantId")).isEqualTo(created.get("participantId"));
        assertThat(created.containsKey("name")).isFalse();
        assertThat(roster(course, ISSUER.office("AM"))).hasSize(1);

        api.enrol("AM", course, Map.of("name", "", "email", "not-an-email", "phone", "call me", "organisationType", "CLUB",
                        "sex", "F", "ageGroup", "young", "country", "Armenia"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("name", "email", "phone", "organisationType", "sex", "ageGroup", "country"));

        // what the README says an enrolment needs, and nothing more: sex and age group are then not given
        TrainingApi.PERSONAL_DATA.add("Gohar Sargsyan");
        api.enrol("AM", course, Map.of("clientReference", reference + "-minimal", "name", "Gohar Sargsyan",
                        "organisationType", "POLICE", "country", "AM"))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.profile.sex").isEqualTo("UNDISCLOSED").jsonPath("$.profile.ageGroup").isEqualTo("UNKNOWN");
        api.enrol("AM", course, Map.of("name", "Gohar Sargsyan")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("organisationType", "country"));
    }

    @Test
    void shouldTakeAttendanceOnlyForEnrolledParticipantsAndFromTheSessionsDate() {
        String course = api.createStarted("AM", 1);
        String session = api.addSession("AM", course, "2002-10-09");
        String enrolled = api.enrolled("AM", course);
        String waitlisted = api.enrolled("AM", course);

        api.attendance("AM", course, session, TrainingApi.marks(enrolled, "PRESENT", waitlisted, "PRESENT", "nobody", "LATE"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("records[1].participantId", "records[2].participantId"));
        api.attendance("AM", course, session, TrainingApi.marks(enrolled, "SLEEPING"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("records[0].status");
        api.attendance("AM", course, session, TrainingApi.marks(enrolled, "LATE")).expectStatus().isOk()
                .expectBody().jsonPath("$.records[0].status").isEqualTo("LATE");
        api.attendance("TN", course, session, TrainingApi.marks(enrolled, "LATE")).expectStatus().isNotFound();

        String future = api.create("AM", TrainingApi.course(TrainingApi.unique("Future"), 5, "2099-01-01", "2099-01-05"));
        api.act("AM", future, "start").expectStatus().isOk();
        String tomorrowish = api.addSession("AM", future, "2099-01-02");
        String participant = api.enrolled("AM", future);
        api.attendance("AM", future, tomorrowish, TrainingApi.marks(participant, "PRESENT")).expectStatus().isEqualTo(409);

        String scheduled = api.create("AM", TrainingApi.course(TrainingApi.unique("Not started"), 5));
        String early = api.addSession("AM", scheduled, "2002-10-08");
        String someone = api.enrolled("AM", scheduled);
        api.attendance("AM", scheduled, early, TrainingApi.marks(someone, "PRESENT")).expectStatus().isEqualTo(409);
    }

    @Test
    void shouldRefuseScoresOutsideZeroToOneHundredOrForStrangers() {
        String course = api.createStarted("AM", 5);
        String participant = api.enrolled("AM", course);
        api.assess("AM", course, participant, "POST", 101).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("records[0].score");
        api.assess("AM", course, participant, "MIDTERM", 50).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("records[0].kind");
        api.assess("AM", course, "stranger", "PRE", 50).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("records[0].participantId");
        api.assess("AM", course, participant, "PRE", 40).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(1);
        api.assess("AM", course, participant, "PRE", 40).expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(0);
    }

    @Test
    void shouldCompleteByTheRuleWhenTheCourseCompletesAndVerifyTheCertificateWithoutAToken() {
        String course = api.createStarted("AM", 10);
        String first = api.addSession("AM", course, "2002-10-08");
        String second = api.addSession("AM", course, "2002-10-09");
        String diligent = api.enrolled("AM", course);
        String absent = api.enrolled("AM", course);
        String lowScore = api.enrolled("AM", course);
        api.attendance("AM", course, first, TrainingApi.marks(diligent, "PRESENT", absent, "ABSENT", lowScore, "PRESENT"))
                .expectStatus().isOk();
        api.attendance("AM", course, second, TrainingApi.marks(diligent, "LATE", absent, "EXCUSED", lowScore, "PRESENT"))
                .expectStatus().isOk();
        api.assess("AM", course, diligent, "POST", 78).expectStatus().isOk();
        api.assess("AM", course, absent, "POST", 90).expectStatus().isOk();
        api.assess("AM", course, lowScore, "POST", 59).expectStatus().isOk();

        api.act("AM", course, "complete").expectStatus().isOk();

        Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
        roster(course, ISSUER.office("AM")).forEach(p -> byId.put((String) p.get("participantId"), p));
        assertThat(byId.get(absent).get("completion")).isNull();
        assertThat(byId.get(lowScore).get("completion")).isNull();
        Map<?, ?> completion = (Map<?, ?>) byId.get(diligent).get("completion");
        assertThat(completion.get("attendanceShare")).isEqualTo(1.0);
        String code = (String) completion.get("certificateCode");
        assertThat(code).matches("AM-[0-9]{4}(-[A-Z2-9]{5}){5}-[A-Z2-9]");
        TrainingApi.PERSONAL_DATA.add(code); // it verifies a person: the scan after every test looks for it too

        Map<?, ?> certificate = http.get().uri("/api/certificates/{code}", code).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(certificate.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("name", "course", "office", "date");
        assertThat(certificate.get("name")).isEqualTo(byId.get(diligent).get("name"));
        assertThat(certificate.get("office")).isEqualTo("AM");
        http.get().uri("/api/certificates/{code}", "AM-2002-NOSUCHCODE").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldExportAParticipantsOwnDataToTheirOfficeOnlyAndEraseItKeepingThePseudonymousRecord() {
        String course = api.createStarted("AM", 10);
        String session = api.addSession("AM", course, "2002-10-08");
        Map<String, Object> person = TrainingApi.person("erase-" + UUID.randomUUID());
        String participant = api.enrol("AM", course, person).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("participantId").toString();
        api.attendance("AM", course, session, TrainingApi.marks(participant, "PRESENT")).expectStatus().isOk();

        http.get().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.person.name").isEqualTo(person.get("name"))
                .jsonPath("$.person.email").isEqualTo(person.get("email"))
                .jsonPath("$.person.phone").isEqualTo(person.get("phone"))
                .jsonPath("$.person.nationality").isEqualTo("Armenian")
                .jsonPath("$.course.id").isEqualTo(course)
                .jsonPath("$.enrolment.attendance." + session).isEqualTo("PRESENT");
        http.get().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isForbidden();
        http.delete().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isNotFound();

        http.delete().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .exchange().expectStatus().isNoContent();
        http.delete().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .exchange().expectStatus().isNoContent();

        http.get().uri("/api/participants/{id}", participant).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.person").doesNotExist()
                .jsonPath("$.erasedAt").isNotEmpty()
                .jsonPath("$.profile.sex").isEqualTo("FEMALE")
                .jsonPath("$.enrolment.attendance." + session).isEqualTo("PRESENT");
        String roster = http.get().uri("/api/courses/{id}/participants", course).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(roster).contains(participant).doesNotContain((String) person.get("name"));
    }

    private WebTestClient.ResponseSpec withdraw(String course, String participant) {
        return http.post().uri("/api/courses/{c}/participants/{p}/withdraw", course, participant)
                .headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Reassigned to the border"))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> roster(String course, String token) {
        return (List<Map<String, Object>>) (List<?>) http.get().uri("/api/courses/{id}/participants", course)
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody();
    }
}

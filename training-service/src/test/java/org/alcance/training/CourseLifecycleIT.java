package org.alcance.training;

import static org.alcance.training.TrainingApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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
class CourseLifecycleIT {

    @Autowired
    WebTestClient http;

    TrainingApi api;

    @BeforeEach
    void setUp() {
        api = new TrainingApi(http);
    }

    @Test
    void shouldScheduleACourseForTheCallersOfficeWithTheDefaultCompletionRule() {
        Map<String, Object> body = TrainingApi.course(TrainingApi.unique("Human rights for prosecutors"), 25);
        body.remove("completionRule");
        http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.office("KZ")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/courses/[0-9a-f-]+")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.office").isEqualTo("KZ")
                .jsonPath("$.status").isEqualTo("SCHEDULED")
                .jsonPath("$.format").isEqualTo("COURSE")
                .jsonPath("$.capacity").isEqualTo(25)
                .jsonPath("$.completionRule.minAttendanceShare").isEqualTo(0.8)
                .jsonPath("$.completionRule.minPostScore").doesNotExist();
    }

    @Test
    void shouldRunTheLifecycleAndRefuseEveryInvalidTransition() {
        String id = api.create("AM", TrainingApi.course(TrainingApi.unique("Lifecycle"), 10));
        api.act("AM", id, "complete").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.act("AM", id, "start").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS");
        api.act("AM", id, "start").expectStatus().isEqualTo(409);
        api.act("AM", id, "complete").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        api.act("AM", id, "complete").expectStatus().isEqualTo(409);
        cancel(id, Map.of("reason", "late")).expectStatus().isEqualTo(409);
        api.enrol("AM", id, TrainingApi.person(null)).expectStatus().isEqualTo(409);

        String other = api.create("AM", TrainingApi.course(TrainingApi.unique("Cancelled"), 10));
        cancel(other, Map.of()).expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        cancel(other, Map.of("reason", "Training centre closed for heating repairs")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        api.act("AM", other, "start").expectStatus().isEqualTo(409);
    }

    @Test
    void shouldNameEveryBadFieldOfACourse() {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title", " ",
                "format", "LECTURE",
                "targetAudiences", List.of(),
                "startDate", "2002-10-18",
                "endDate", "2002-10-07",
                "capacity", 0,
                "completionRule", Map.of("minAttendanceShare", 1.5, "minPostScore", 101)));
        http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .contains("title", "format", "venue", "targetAudiences", "endDate", "capacity",
                                "completionRule.minAttendanceShare", "completionRule.minPostScore"));
    }

    @Test
    void shouldKeepTheParticipantsToTrainAndNameEveryBadTarget() {
        Map<String, Object> body = new HashMap<>(TrainingApi.course(TrainingApi.unique("Targets"), 30));
        body.put("targets", List.of(Map.of("organisationType", "BORDER_GUARD", "participants", 20),
                Map.of("organisationType", "BORDER_GUARD", "sex", "FEMALE", "participants", 10),
                Map.of("participants", 25)));
        String id = api.create("AM", body);
        http.get().uri("/api/courses/{id}", id).headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.targets.length()").isEqualTo(3)
                .jsonPath("$.targets[1].sex").isEqualTo("FEMALE")
                .jsonPath("$.targets[2].organisationType").doesNotExist();

        body.put("targets", List.of(Map.of("organisationType", "ASTRONAUT", "participants", 2),
                Map.of("sex", "FEMALE", "participants", 31), Map.of("sex", "FEMALE", "participants", 3)));
        http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("targets[0].organisationType", "targets[1].participants",
                                "targets[2]"));
    }

    @Test
    void shouldAddSessionsWithinTheCourseDatesOnly() {
        String id = api.create("AM", TrainingApi.course(TrainingApi.unique("Sessions"), 10));
        api.addSession("AM", id, "2002-10-09");
        http.post().uri("/api/courses/{id}/sessions", id).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", "2002-11-01", "title", "", "durationMinutes", 0))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("date", "title", "durationMinutes"));
        http.get().uri("/api/courses/{id}", id).headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.sessions.length()").isEqualTo(1)
                .jsonPath("$.sessions[0].held").isEqualTo(false);
    }

    @Test
    void shouldReviseWithIfMatchAndRefuseAStaleVersionOrTooFewSeats() {
        String id = api.create("AM", TrainingApi.course(TrainingApi.unique("Revised"), 2));
        api.enrolled("AM", id);
        api.enrolled("AM", id);
        Map<String, Object> moreSeats = Map.of("capacity", 30, "reason", "Five more seats for the consular department");

        patch(id, "\"7\"", moreSeats).expectStatus().isEqualTo(412);
        patch(id, "\"1\"", moreSeats).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.capacity").isEqualTo(30);
        patch(id, "\"1\"", moreSeats).expectStatus().isEqualTo(412);
        patch(id, null, Map.of("capacity", 1)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("capacity");
    }

    @Test
    void shouldHideAnotherOfficesCourseAndLetHeadquartersReadButNotWrite() {
        String id = api.create("AM", TrainingApi.course(TrainingApi.unique("Isolation"), 10));

        http.get().uri("/api/courses/{id}", id).headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isNotFound();
        api.act("TN", id, "start").expectStatus().isNotFound();
        api.enrol("TN", id, TrainingApi.person(null)).expectStatus().isNotFound();
        http.get().uri("/api/courses/{id}", id).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        http.post().uri("/api/courses/{id}/start", id).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(TrainingApi.course("HQ course", 10))
                .exchange().expectStatus().isForbidden();
        Map<String, Object> forGt = TrainingApi.course("Other office", 10);
        forGt.put("office", "GT");
        http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(forGt).exchange().expectStatus().isForbidden();

        List<?> tunisian = (List<?>) http.get().uri("/api/courses?limit=200").headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(tunisian).allSatisfy(item -> assertThat(((Map<?, ?>) item).get("office")).isEqualTo("TN"));
    }

    @Test
    void shouldReturnTheFirstResponseForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = TrainingApi.course("Idempotent " + key, 10);
        Map<?, ?> first = create(key, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = create(key, body).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotency-Key-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        http.get().uri("/api/courses?limit=200").headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange()
                .expectBody(Map.class).value(page -> assertThat(((List<?>) page.get("items")).stream()
                        .filter(item -> ((Map<?, ?>) item).get("title").equals("Idempotent " + key))).hasSize(1));
    }

    @Test
    void shouldReturnTheFirstCourseAndSessionWhenTheirClientReferencesAreSentAgainWithoutAKey() {
        String reference = "am-course-" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(TrainingApi.course("Referenced " + reference, 10));
        body.put("clientReference", reference);
        String id = (String) create(null, body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
        create(null, body).expectStatus().isOk().expectHeader().location("/api/courses/" + id)
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.version").isEqualTo(1);

        Map<String, Object> session = Map.of("date", "2002-10-09", "title", "Asylum law", "durationMinutes", 90,
                "clientReference", "day-1");
        String sessionId = (String) session(id, session).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody().get("id");
        // sent again: the same session, not a second one that would change who completes
        session(id, session).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(sessionId);
        session(id, Map.of("date", "2002-10-10", "title", "Asylum law", "durationMinutes", 90, "clientReference",
                "day-2")).expectStatus().isCreated();
        http.get().uri("/api/courses/{id}", id).headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange()
                .expectBody().jsonPath("$.sessions.length()").isEqualTo(2);
    }

    private WebTestClient.ResponseSpec session(String course, Map<String, Object> body) {
        return http.post().uri("/api/courses/{id}/sessions", course).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec create(String key, Map<String, Object> body) {
        return http.post().uri("/api/courses").headers(h -> {
            h.setBearerAuth(ISSUER.office("AM"));
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec cancel(String id, Map<String, Object> body) {
        return http.post().uri("/api/courses/{id}/cancel", id).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, String ifMatch, Map<String, Object> body) {
        return http.patch().uri("/api/courses/{id}", id).headers(h -> {
            h.setBearerAuth(ISSUER.office("AM"));
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}

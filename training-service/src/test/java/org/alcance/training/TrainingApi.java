package org.alcance.training;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the training API as a field office would, for tests that need a course to work on. */
final class TrainingApi {

    static final Issuer ISSUER = TestInfrastructure.get().issuer();

    /** Every name, email and phone the tests enrolled: none may ever appear in an event. */
    static final Set<String> PERSONAL_DATA = ConcurrentHashMap.newKeySet();

    private final WebTestClient http;

    TrainingApi(WebTestClient http) {
        this.http = http;
    }

    static Map<String, Object> course(String title, int capacity) {
        return course(title, capacity, "2002-10-07", "2002-10-18");
    }

    static Map<String, Object> course(String title, int capacity, String start, String end) {
        Map<String, Object> course = new HashMap<>(Map.of(
                "title", title,
                "topics", List.of("refugee protection and non-refoulement", "detection of forged documents"),
                "format", "COURSE",
                "venue", "Border Management Training Centre, Yerevan",
                "partners", List.of("Border Guard Service"),
                "presenters", List.of("IOM migration law specialist"),
                "targetAudiences", List.of("border guards", "prosecutors"),
                "startDate", start,
                "endDate", end,
                "completionRule", Map.of("minAttendanceShare", 0.5, "minPostScore", 60)));
        course.put("capacity", capacity);
        course.put("targets", List.of(Map.of("organisationType", "BORDER_GUARD", "sex", "FEMALE", "participants", 1)));
        return course;
    }

    /** A person with a unique name, email and phone, remembered for the personal-data scan. */
    static Map<String, Object> person(String reference) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Anahit Petrosyan " + unique;
        String email = "anahit." + unique + "@border.example.am";
        String phone = "+374 10 " + Math.abs(unique.hashCode() % 900_000 + 100_000);
        PERSONAL_DATA.addAll(List.of(name, email, phone));
        Map<String, Object> person = new HashMap<>(Map.of("name", name, "email", email, "phone", phone,
                "organisation", "Border Guard Service", "organisationType", "BORDER_GUARD",
                "position", "Senior inspector", "sex", "FEMALE", "ageGroup", "AGE_25_34",
                "nationality", "Armenian", "country", "AM"));
        if (reference != null) {
            person.put("clientReference", reference);
        }
        return person;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    String create(String office, Map<String, Object> body) {
        return http.post().uri("/api/courses").headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    String createStarted(String office, int capacity) {
        String id = create(office, course(unique("Migration Legislation"), capacity));
        act(office, id, "start").expectStatus().isOk();
        return id;
    }

    WebTestClient.ResponseSpec act(String office, String courseId, String action) {
        return http.post().uri("/api/courses/{id}/{action}", courseId, action)
                .headers(h -> h.setBearerAuth(ISSUER.office(office))).exchange();
    }

    String addSession(String office, String courseId, String date) {
        return http.post().uri("/api/courses/{id}/sessions", courseId).headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", date, "title", "Refugee status determination", "durationMinutes", 180))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    WebTestClient.ResponseSpec enrol(String office, String courseId, Map<String, Object> person) {
        return http.post().uri("/api/courses/{id}/participants", courseId)
                .headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(person).exchange();
    }

    String enrolled(String office, String courseId) {
        return enrol(office, courseId, person(null)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("participantId").toString();
    }

    WebTestClient.ResponseSpec attendance(String office, String courseId, String sessionId, Map<String, Object> body) {
        return http.post().uri("/api/courses/{c}/sessions/{s}/attendance", courseId, sessionId)
                .headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static Map<String, Object> marks(Object... participantAndStatus) {
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (int i = 0; i < participantAndStatus.length; i += 2) {
            records.add(Map.of("participantId", participantAndStatus[i], "status", participantAndStatus[i + 1]));
        }
        return Map.of("records", records);
    }

    WebTestClient.ResponseSpec assess(String office, String courseId, String participantId, String kind, int score) {
        return http.post().uri("/api/courses/{c}/assessments", courseId).headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("records", List.of(Map.of("participantId", participantId, "kind", kind, "score", score))))
                .exchange();
    }
}

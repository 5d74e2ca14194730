package org.alcance.training;

import static org.alcance.training.TrainingApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.training.ParticipantEnrolled;
import org.alcance.test.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A person enrolled in several courses of an office is one person: one person id, the only thing that leaves. */
@IntegrationTest
class PersonIdIT {

    private final EventCodec codec = new EventCodec();

    @Autowired
    WebTestClient http;

    TrainingApi api;

    @BeforeEach
    void setUp() {
        api = new TrainingApi(http);
    }

    @Test
    void shouldNameTheSamePersonInTwoCoursesOfAnOfficeOnceAndPublishOnlyThePersonId() {
        String first = api.createStarted("AM", 10);
        String second = api.createStarted("AM", 10);
        String reference = "am-person-" + UUID.randomUUID();
        String email = "Narek." + UUID.randomUUID().toString().substring(0, 8) + "@Border.Example.AM";

        Map<String, Object> byReference = created("AM", first, person(reference, null));
        Map<String, Object> byReferenceAgain = created("AM", second, person(reference, null));
        Map<String, Object> byEmail = created("AM", first, person(null, email));
        Map<String, Object> byEmailInOtherCase = created("AM", second, person(null, email.toLowerCase(Locale.ROOT)));
        Map<String, Object> elsewhere = created("TN", api.createStarted("TN", 10), person(reference, email));
        Map<String, Object> nameless = created("AM", first, person(null, null));
        Map<String, Object> namelessToo = created("AM", second, person(null, null));

        assertThat(byReferenceAgain.get("personId")).isEqualTo(byReference.get("personId"));
        assertThat(byEmailInOtherCase.get("personId")).isEqualTo(byEmail.get("personId"));
        assertThat(List.of(byReference, byEmail, elsewhere, nameless, namelessToo))
                .extracting(p -> p.get("personId")).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(byReferenceAgain.get("participantId")).isNotEqualTo(byReference.get("participantId"));

        // what leaves: the person id, never the reference nor the email it was matched by
        List<CloudEvent> published = Published.ofCourse(second, 5, Duration.ofSeconds(30)).stream()
                .filter(e -> ParticipantEnrolled.TYPE.equals(e.type())).toList();
        assertThat(published).extracting(e -> (Object) ((ParticipantEnrolled) codec.fromCloudEvent(e)).personId())
                .containsExactlyInAnyOrder(byReference.get("personId"), byEmail.get("personId"),
                        namelessToo.get("personId"));
        assertThat(published).extracting(e -> new String(e.data(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
                .allSatisfy(data -> assertThat(data)
                        .doesNotContain(reference, email.toLowerCase(Locale.ROOT), "reference", "email"));
    }

    @Test
    void shouldShowThePersonIdToTheOfficeAndTakeTheReferenceFromARosterAndTheNameOfABadOne() {
        String first = api.createStarted("AM", 10);
        String second = api.createStarted("AM", 10);
        String reference = "am-person-" + UUID.randomUUID();
        TrainingApi.PERSONAL_DATA.add(reference);
        Map<String, Object> enrolled = created("AM", first, person(reference, null));
        String clientReference = "am-row-" + UUID.randomUUID();

        http.post().uri("/api/courses/{id}/participants/bulk", second).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("clientReference,personReference,name,organisationType,sex,ageGroup,country\n"
                        + clientReference + "," + reference + ",Narek Hakobyan,BORDER_GUARD,MALE,AGE_35_49,AM\n"
                        + clientReference + "-2," + "x".repeat(101) + ",Ani Hakobyan,BORDER_GUARD,FEMALE,AGE_25_34,AM\n")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.rows[1].errors[0].field").isEqualTo("personReference");
        List<Map<String, Object>> roster = http.get().uri("/api/courses/{id}/participants", second)
                .headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange().expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(roster).singleElement().satisfies(row -> {
            assertThat(row.get("clientReference")).isEqualTo(clientReference);
            assertThat(row.get("personId")).isEqualTo(enrolled.get("personId"));
        });

        http.get().uri("/api/participants/{id}", enrolled.get("participantId"))
                .headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.personId").isEqualTo(enrolled.get("personId"))
                .jsonPath("$.personReference").isEqualTo(reference)
                .jsonPath("$.enrolment.personId").isEqualTo(enrolled.get("personId"));
        api.enrol("AM", first, Map.of("personReference", " ", "name", "Ani Hakobyan", "organisationType", "POLICE",
                        "sex", "FEMALE", "ageGroup", "AGE_25_34", "country", "AM"))
                .expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("personReference");
    }

    @Test
    void shouldGiveTheSamePersonOneIdWhenRetriedOrEnrolledInManyCoursesAtOnce() throws Exception {
        String email = "lusine." + UUID.randomUUID().toString().substring(0, 8) + "@border.example.am";
        List<String> courses = IntStream.range(0, 6).mapToObj(i -> api.createStarted("AM", 10)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(courses.size());
        try {
            List<CompletableFuture<Object>> enrolments = courses.stream().map(course -> CompletableFuture.supplyAsync(
                    () -> created("AM", course, person(null, email)).get("personId"), pool)).toList();
            List<Object> people = enrolments.stream().map(CompletableFuture::join).toList();
            assertThat(people).doesNotContainNull().containsOnly(people.get(0));
        } finally {
            pool.shutdown();
        }

        Map<String, Object> once = person(null, null);
        once.put("clientReference", "am-" + UUID.randomUUID());
        Map<String, Object> enrolled = created("AM", courses.get(0), once);
        api.enrol("AM", courses.get(0), once).expectStatus().isOk().expectBody()
                .jsonPath("$.participantId").isEqualTo(enrolled.get("participantId"))
                .jsonPath("$.personId").isEqualTo(enrolled.get("personId"));
    }

    @Test
    void shouldForgetTheEmailOfAnErasedParticipantAndKeepTheOfficesReference() {
        String first = api.createStarted("AM", 10);
        String second = api.createStarted("AM", 10);
        String reference = "am-person-" + UUID.randomUUID();
        String email = "gayane." + UUID.randomUUID().toString().substring(0, 8) + "@border.example.am";
        Map<String, Object> enrolled = created("AM", first, person(reference, email));

        http.delete().uri("/api/participants/{id}", enrolled.get("participantId"))
                .headers(h -> h.setBearerAuth(ISSUER.office("AM"))).exchange().expectStatus().isNoContent();

        Map<String, Object> byEmail = created("AM", second, person(null, email));
        Map<String, Object> byReference = created("AM", second, person(reference, null));
        assertThat(byEmail.get("personId")).isNotNull().isNotEqualTo(enrolled.get("personId"));
        assertThat(byReference.get("personId")).isEqualTo(enrolled.get("personId"));
    }

    /** A person known by the office's reference, the email, both or neither; both remembered for the scan. */
    private static Map<String, Object> person(String reference, String email) {
        Map<String, Object> person = TrainingApi.person(null);
        person.remove("email");
        if (reference != null) {
            person.put("personReference", reference);
            TrainingApi.PERSONAL_DATA.add(reference);
        }
        if (email != null) {
            person.put("email", email);
            TrainingApi.PERSONAL_DATA.addAll(List.of(email, email.toLowerCase(Locale.ROOT)));
        }
        return person;
    }

    private Map<String, Object> created(String office, String course, Map<String, Object> person) {
        return api.enrol(office, course, person).expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }
}

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
class BulkImportIT {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final String ROSTER_HEADER = "clientReference,name,email,organisation,organisationType,sex,ageGroup,country\n";

    @Autowired
    WebTestClient http;

    TrainingApi api;
    String course;
    String ref;

    @BeforeEach
    void setUp() {
        api = new TrainingApi(http);
        course = api.createStarted("TN", 2);
        ref = "tn-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    @Test
    void shouldEnrolTheGoodRowsOfARosterReportTheBadOnesAndChangeNothingWhenSentAgain() {
        String csv = ROSTER_HEADER
                + row(1, "MINISTRY", "MALE", "TN")
                + row(2, "POLICE", "FEMALE", "TN")
                + row(3, "CIRCUS", "MALE", "Tunisia")
                + row(1, "MINISTRY", "MALE", "TN")
                + row(4, "JUDICIARY", "FEMALE", "DZ");

        upload("/participants/bulk", csv, null).expectStatus().isOk().expectBody()
                .jsonPath("$.received").isEqualTo(5)
                .jsonPath("$.created").isEqualTo(3)
                .jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.duplicate").isEqualTo(1)
                .jsonPath("$.rows[0].status").isEqualTo("created")
                .jsonPath("$.rows[0].state").isEqualTo("ENROLLED")
                .jsonPath("$.rows[2].status").isEqualTo("rejected")
                .jsonPath("$.rows[2].errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("organisationType", "country"))
                .jsonPath("$.rows[3].status").isEqualTo("duplicate")
                .jsonPath("$.rows[4].state").isEqualTo("WAITLISTED");

        upload("/participants/bulk", csv, null).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(0)
                .jsonPath("$.unchanged").isEqualTo(3);
        assertThat(rosterSize()).isEqualTo(3);
    }

    @Test
    void shouldCheckEveryRowAndStoreNothingInADryRun() {
        String csv = ROSTER_HEADER + row(1, "NGO", "FEMALE", "TN") + row(2, "UN_AGENCY", "MALE", "TN");
        upload("/participants/bulk?dryRun=true", csv, null).expectStatus().isOk().expectBody()
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.valid").isEqualTo(2)
                .jsonPath("$.created").isEqualTo(0);
        assertThat(rosterSize()).isZero();
    }

    @Test
    void shouldRefuseAHeaderWithUnknownColumnsAndABodyThatIsNotCsv() {
        upload("/participants/bulk", "clientReference,name,shoeSize\n" + ref + "1,Someone,42\n", null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("shoeSize");
        http.post().uri("/api/courses/{id}/participants/bulk", course).headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .contentType(MediaType.APPLICATION_XML).bodyValue("<roster/>").exchange().expectStatus().isEqualTo(415);
        upload("/participants/bulk", ROSTER_HEADER + row(1, "NGO", "FEMALE", "TN"), null).expectStatus().isOk();
        http.post().uri("/api/courses/{id}/participants/bulk", course).headers(h -> h.setBearerAuth(ISSUER.office("AM")))
                .contentType(CSV).bodyValue(ROSTER_HEADER).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldRecordAnAttendanceSheetByClientReferenceWithIdempotentRows() {
        upload("/participants/bulk", ROSTER_HEADER + row(1, "NGO", "FEMALE", "TN") + row(2, "POLICE", "MALE", "TN"), null)
                .expectStatus().isOk();
        String session = api.addSession("TN", course, "2002-10-08");
        String sheet = "clientReference,status\n" + ref + "1,PRESENT\n" + ref + "2,ABSENT\n" + ref + "9,PRESENT\n"
                + ref + "1,LATE\n";
        String path = "/sessions/" + session + "/attendance/bulk";

        upload(path + "?dryRun=true", sheet, null).expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(2);
        http.get().uri("/api/courses/{c}/sessions/{s}/attendance", course, session)
                .headers(h -> h.setBearerAuth(ISSUER.office("TN"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.records.length()").isEqualTo(0);

        String key = UUID.randomUUID().toString();
        upload(path, sheet, key).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(2)
                .jsonPath("$.rejected").isEqualTo(1)
                .jsonPath("$.rows[2].errors[0].field").isEqualTo("participantId")
                .jsonPath("$.duplicate").isEqualTo(1);
        upload(path, sheet, key).expectStatus().isOk().expectHeader().valueEquals("Idempotency-Key-Replayed", "true")
                .expectBody().jsonPath("$.created").isEqualTo(2);
        upload(path, "clientReference,status\n" + ref + "2,PRESENT\n", key).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        upload(path, sheet, null).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(0)
                .jsonPath("$.unchanged").isEqualTo(2);
    }

    private String row(int n, String organisationType, String sex, String country) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Hedi Trabelsi " + unique;
        String email = "hedi." + unique + "@interieur.example.tn";
        TrainingApi.PERSONAL_DATA.addAll(List.of(name, email));
        return ref + n + "," + name + "," + email + ",\"Ministry of Interior, Tunis\"," + organisationType + "," + sex
                + ",AGE_35_49," + country + "\n";
    }

    private WebTestClient.ResponseSpec upload(String path, String csv, String key) {
        return http.post().uri("/api/courses/" + course + path).headers(h -> {
            h.setBearerAuth(ISSUER.office("TN"));
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(CSV).bodyValue(csv).exchange();
    }

    private int rosterSize() {
        return http.get().uri("/api/courses/{id}/participants", course).headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().size();
    }
}

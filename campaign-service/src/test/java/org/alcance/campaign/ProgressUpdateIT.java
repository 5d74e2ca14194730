package org.alcance.campaign;

import static org.alcance.campaign.CampaignApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
class ProgressUpdateIT {

    @Autowired
    WebTestClient http;

    CampaignApi api;

    @BeforeEach
    void setUp() {
        api = new CampaignApi(http);
    }

    @Test
    void shouldReportAnUpdateOnAnActiveCampaign() {
        String campaign = api.createActive("GT");
        api.report("GT", campaign, CampaignApi.update("row-1", 1_200, 40))
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/campaigns/" + campaign + "/updates/[0-9a-f-]+")
                .expectBody()
                .jsonPath("$.status").isEqualTo("REPORTED")
                .jsonPath("$.revision").isEqualTo(1)
                .jsonPath("$.figures.reach[0].people").isEqualTo(1_200)
                .jsonPath("$.figures.reach[1].bySex.FEMALE").isEqualTo(20)
                .jsonPath("$.figures.materials.posters").isEqualTo(5_000);
        http.get().uri("/api/campaigns/{id}/updates", campaign).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1);
    }

    @Test
    void shouldKeepAPlacesSubdivisionAndCoordinatesAndRefuseAnUnknownCode() {
        String campaign = api.createActive("GT");
        Map<String, Object> update = new HashMap<>(CampaignApi.update("placed", 10, 2));
        update.put("place", Map.of("name", "Tecún Umán", "subdivision", "GT-SM", "latitude", 14.68, "longitude", -92.14));
        api.report("GT", campaign, update).expectStatus().isCreated().expectBody()
                .jsonPath("$.figures.place.subdivision").isEqualTo("GT-SM")
                .jsonPath("$.figures.place.longitude").isEqualTo(-92.14);

        update.put("clientReference", "misplaced");
        update.put("place", Map.of("name", "Tecún Umán", "subdivision", "GT-ZZ", "latitude", 14.68));
        api.report("GT", campaign, update).expectStatus().isEqualTo(422)
                .expectBody(Map.class).value(problem -> assertThat(fields(problem))
                        .containsExactlyInAnyOrder("place.subdivision", "place.longitude"));
    }

    @Test
    void shouldRefuseProgressOnACampaignThatIsNotActive() {
        String draft = api.create("GT", CampaignApi.campaign("Draft " + UUID.randomUUID()));
        api.report("GT", draft, CampaignApi.update("row-1", 10, 2)).expectStatus().isEqualTo(409);
    }

    @Test
    void shouldNameEveryFieldThatBreaksARule() {
        String campaign = api.createActive("GT");
        Map<String, Object> update = new HashMap<>(CampaignApi.update("bad", 10, 2));
        update.put("reportedOn", LocalDate.now().plusDays(3).toString());
        update.put("channel", "radio");
        update.put("reach", List.of(
                Map.of("audience", "journalists", "people", 5),
                Map.of("audience", "children", "people", -3),
                Map.of("audience", "teachers", "people", 10, "bySex", Map.of("FEMALE", 4, "MALE", 4)),
                Map.of("audience", "teachers", "people", 1, "byAgeGroup", Map.of("ELDERS", 1))));
        api.report("GT", campaign, update)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).value(problem -> assertThat(fields(problem)).contains(
                        "reportedOn", "channel", "reach[0].audience", "reach[1].people", "reach[2].bySex",
                        "reach[3].byAgeGroup.ELDERS", "reach[3].audience"));

        Map<String, Object> beforeStart = new HashMap<>(CampaignApi.update("early", 10, 2));
        beforeStart.put("reportedOn", "2001-12-31");
        api.report("GT", campaign, beforeStart).expectStatus().isEqualTo(422)
                .expectBody(Map.class).value(problem -> assertThat(fields(problem)).containsExactly("reportedOn"));
        http.get().uri("/api/campaigns/{id}/updates", campaign).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void shouldTakeManyConcurrentReportsOnOneCampaignWithoutLosingOrRefusingAny() throws Exception {
        String campaign = api.createActive("GT");
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(40);
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> update = CampaignApi.update("concurrent-" + i, i, 2);
            statuses.add(writers.submit(() -> api.report("GT", campaign, update).returnResult(Void.class).getStatus().value()));
        }
        for (java.util.concurrent.Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(201);
        }
        writers.shutdown();
        http.get().uri("/api/campaigns/{id}/updates?limit=200", campaign).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(40);
    }

    @Test
    void shouldAcceptMaterialsWithoutPeopleButNotAnEmptyReport() {
        String campaign = api.createActive("AL");
        Map<String, Object> paintings = new HashMap<>(CampaignApi.update("paintings", 0, 0));
        paintings.put("reach", List.of());
        paintings.put("materials", Map.of("paintings", 100));
        api.report("AL", campaign, paintings).expectStatus().isCreated()
                .expectBody().jsonPath("$.figures.materials.paintings").isEqualTo(100)
                .jsonPath("$.figures.reach.length()").isEqualTo(0);

        Map<String, Object> empty = new HashMap<>(paintings);
        empty.put("clientReference", "nothing");
        empty.remove("materials");
        api.report("AL", campaign, empty).expectStatus().isEqualTo(422)
                .expectBody(Map.class).value(problem -> assertThat(fields(problem)).containsExactly("reach"));
    }

    @Test
    void shouldAnswer400NamingTheFieldOfMalformedJson() {
        String campaign = api.createActive("GT");
        rawBody(campaign, MediaType.APPLICATION_JSON,
                "{\"reportedOn\":\"2002-06-15\",\"reach\":[{\"audience\":\"children\",\"people\":\"many\"}]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reach[0].people");
        rawBody(campaign, MediaType.APPLICATION_JSON, "{\"reportedOn\": ")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        rawBody(campaign, MediaType.APPLICATION_JSON,
                "{\"reportedOn\":\"2002-06-15\",\"reach\":[{\"audience\":\"children\",\"people\":2.5}]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reach[0].people");
        rawBody(campaign, MediaType.APPLICATION_JSON,
                "{\"reportedOn\":\"2002-06-15\",\"channel\":\"radio\",\"channel\":\"poster\"}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        rawBody(campaign, MediaType.TEXT_PLAIN, "people=5")
                .expectStatus().isEqualTo(415);
        rawBody(campaign, MediaType.APPLICATION_JSON, "{\"notes\":\"" + "x".repeat(1_100_000) + "\"}")
                .expectStatus().isEqualTo(413);
    }

    @Test
    void shouldNotCountARepeatedReportTwice() {
        String campaign = api.createActive("GT");
        String key = UUID.randomUUID().toString();
        Map<?, ?> first = withKey(campaign, key, CampaignApi.update(null, 100, 10)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> replay = withKey(campaign, key, CampaignApi.update(null, 100, 10)).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotency-Key-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(replay).isEqualTo(first);

        api.report("GT", campaign, CampaignApi.update("sheet-row-7", 50, 2)).expectStatus().isCreated();
        api.report("GT", campaign, CampaignApi.update("sheet-row-7", 50, 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.clientReference").isEqualTo("sheet-row-7");
        http.get().uri("/api/campaigns/{id}/updates", campaign).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .exchange().expectBody().jsonPath("$.items.length()").isEqualTo(2);
    }

    @Test
    void shouldCorrectAndRetractKeepingTheHistory() {
        String campaign = api.createActive("GT");
        String update = api.report("GT", campaign, CampaignApi.update("r1", 100, 10)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        post(campaign, update, "correction", Map.of("reach", List.of(Map.of("audience", "children", "people", 120))))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(campaign, update, "correction", Map.of("reason", "Double-counted a school",
                "reach", List.of(Map.of("audience", "children", "people", 90))))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CORRECTED")
                .jsonPath("$.revision").isEqualTo(2)
                .jsonPath("$.figures.reach.length()").isEqualTo(1)
                .jsonPath("$.figures.channel").isEqualTo("poster")
                .jsonPath("$.history.length()").isEqualTo(2)
                .jsonPath("$.history[0].figures.reach[0].people").isEqualTo(100);
        post(campaign, update, "retraction", Map.of("reason", "Reported under the wrong campaign"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("RETRACTED")
                .jsonPath("$.history.length()").isEqualTo(3);
        post(campaign, update, "correction", Map.of("reason", "again")).expectStatus().isEqualTo(409);
        post(campaign, "no-such-update", "retraction", Map.of("reason", "x")).expectStatus().isNotFound();
        http.get().uri("/api/campaigns/{id}/updates/{u}", campaign, update).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETRACTED");
    }

    @Test
    void shouldKeepAnotherOfficesUpdatesOutOfReach() {
        String campaign = api.createActive("GT");
        api.report("AL", campaign, CampaignApi.update("r1", 1, 1)).expectStatus().isNotFound();
        api.report("GT", campaign, CampaignApi.update("r1", 1, 1)).expectStatus().isCreated();
        http.get().uri("/api/campaigns/{id}/updates", campaign).headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .exchange().expectStatus().isNotFound();
    }

    /** A body posted as it is written, for what the typed helpers cannot send. */
    private WebTestClient.ResponseSpec rawBody(String campaign, MediaType type, String body) {
        return http.post().uri("/api/campaigns/{id}/updates", campaign).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(type).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec withKey(String campaign, String key, Map<String, Object> body) {
        return http.post().uri("/api/campaigns/{id}/updates", campaign).headers(h -> {
            h.setBearerAuth(ISSUER.office("GT"));
            h.set("Idempotency-Key", key);
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(String campaign, String update, String action, Map<String, Object> body) {
        return http.post().uri("/api/campaigns/{c}/updates/{u}/{a}", campaign, update, action)
                .headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static List<String> fields(Map<?, ?> problem) {
        return ((List<?>) problem.get("errors")).stream().map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList();
    }
}

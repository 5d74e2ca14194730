package org.alcance.campaign;

import static org.alcance.campaign.CampaignApi.ISSUER;
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
class CampaignLifecycleIT {

    @Autowired
    WebTestClient http;

    CampaignApi api;

    @BeforeEach
    void setUp() {
        api = new CampaignApi(http);
    }

    @Test
    void shouldCreateADraftCampaignForTheCallersOffice() {
        String title = "Migrant Friend: You Have Rights " + UUID.randomUUID();
        http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(CampaignApi.campaign(title))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/campaigns/[0-9a-f-]+")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.office").isEqualTo("GT")
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.audiences[1].target").isEqualTo(3450)
                .jsonPath("$.revisions.length()").isEqualTo(1);
    }

    @Test
    void shouldKeepATargetsBaselineAndMilestonesAndNameEveryBadOne() {
        Map<String, Object> body = new java.util.HashMap<>(CampaignApi.campaign("Milestones " + UUID.randomUUID()));
        body.put("startDate", "2002-03-01");
        body.put("endDate", "2002-12-31");
        body.put("audiences", List.of(Map.of("audience", "children", "target", 250_000, "baseline", 12_000,
                "milestones", List.of(Map.of("by", "2002-06", "target", 100_000), Map.of("by", "2002-12", "target", 250_000)))));
        String id = create(UUID.randomUUID().toString(), body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
        http.get().uri("/api/campaigns/{id}", id).headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.audiences[0].baseline").isEqualTo(12_000)
                .jsonPath("$.audiences[0].milestones[0].by").isEqualTo("2002-06-30")
                .jsonPath("$.audiences[0].milestones[1].target").isEqualTo(250_000);
        // a revision that leaves the audiences out keeps their milestones
        patch(id, "\"1\"", Map.of("title", "Milestones, revised", "reason", "Shorter title")).expectStatus().isOk()
                .expectBody().jsonPath("$.audiences[0].milestones.length()").isEqualTo(2);

        body.put("audiences", List.of(Map.of("audience", "children", "target", 250_000, "baseline", -1,
                "milestones", List.of(Map.of("by", "2002-06", "target", 100_000), Map.of("by", "2002-05", "target", 90_000),
                        Map.of("by", "2003-01", "target", 300_000)))));
        create(UUID.randomUUID().toString(), body).expectStatus().isEqualTo(422).expectBody(Map.class).value(problem -> assertThat(
                ((List<?>) problem.get("errors")).stream().map(e -> String.valueOf(((Map<?, ?>) e).get("field"))).toList())
                .containsExactlyInAnyOrder("audiences[0].baseline", "audiences[0].milestones[1].by",
                        "audiences[0].milestones[1].target", "audiences[0].milestones[2].by",
                        "audiences[0].milestones[2].target"));
    }

    @Test
    void shouldRunTheLifecycleAndRefuseEveryInvalidTransition() {
        String id = api.create("GT", CampaignApi.campaign("Lifecycle " + UUID.randomUUID()));
        action(id, "complete").expectStatus().isEqualTo(409);
        action(id, "launch").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        action(id, "launch").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        action(id, "complete").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        action(id, "complete").expectStatus().isEqualTo(409);
        http.post().uri("/api/campaigns/{id}/cancel", id).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "late"))
                .exchange().expectStatus().isEqualTo(409);

        String other = api.create("GT", CampaignApi.campaign("Cancelled " + UUID.randomUUID()));
        http.post().uri("/api/campaigns/{id}/cancel", other).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of())
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri("/api/campaigns/{id}/cancel", other).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Funding withdrawn"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        action(other, "launch").expectStatus().isEqualTo(409);
    }

    @Test
    void shouldReviseTargetsKeepHistoryAndRefuseAStaleVersion() {
        String id = api.create("GT", CampaignApi.campaign("Revised " + UUID.randomUUID()));
        Map<String, Object> newTargets = Map.of("audiences", List.of(
                Map.of("audience", "children", "target", 300_000), Map.of("audience", "teachers", "target", 3_450)),
                "reason", "Second school district joined");

        patch(id, "\"7\"", newTargets).expectStatus().isEqualTo(412);
        patch(id, "\"1\"", newTargets).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.audiences[0].target").isEqualTo(300_000)
                .jsonPath("$.revisions.length()").isEqualTo(2)
                .jsonPath("$.revisions[0].details.audiences[0].target").isEqualTo(250_000)
                .jsonPath("$.revisions[1].reason").isEqualTo("Second school district joined");
        patch(id, "\"1\"", newTargets).expectStatus().isEqualTo(412);
        patch(id, null, Map.of("audiences", List.of(Map.of("audience", "children", "target", -1))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("audiences[0].target");
    }

    @Test
    void shouldHideAnotherOfficesCampaignAndLetHeadquartersReadButNotWrite() {
        String id = api.create("GT", CampaignApi.campaign("Isolation " + UUID.randomUUID()));

        http.get().uri("/api/campaigns/{id}", id).headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .exchange().expectStatus().isNotFound();
        http.post().uri("/api/campaigns/{id}/launch", id).headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/campaigns/{id}", id).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        http.post().uri("/api/campaigns/{id}/launch", id).headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new java.util.HashMap<>(CampaignApi.campaign("Other office")) {{ put("office", "GT"); }})
                .exchange().expectStatus().isForbidden();

        List<?> albanian = http.get().uri("/api/campaigns?limit=200").headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items") instanceof List<?> l ? l : null;
        assertThat(albanian).allSatisfy(item -> assertThat(((Map<?, ?>) item).get("office")).isEqualTo("AL"));
    }

    @Test
    void shouldListWithFiltersAndCursorPages() {
        String theme = "theme-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new java.util.HashMap<>(CampaignApi.campaign("Paged " + i));
            body.put("themes", List.of(theme));
            api.create("AM", body);
        }
        List<Object> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String uri = "/api/campaigns?theme=" + theme + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            Map<?, ?> page = http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            seen.addAll((List<?>) page.get("items"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();

        http.get().uri("/api/campaigns?theme=" + theme + "&status=ACTIVE").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/campaigns?status=SOMETIMES").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/campaigns?cursor=not-ours").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldReturnTheFirstResponseForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = CampaignApi.campaign("Idempotent " + key);
        Map<?, ?> first = create(key, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> again = create(key, body).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotency-Key-Replayed", "true")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        create(key, CampaignApi.campaign("Another campaign under the same key")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        http.get().uri("/api/campaigns?limit=200").headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectBody(Map.class).value(page -> assertThat(((List<?>) page.get("items")).stream()
                        .filter(item -> ((Map<?, ?>) item).get("title").equals("Idempotent " + key))).hasSize(1));
    }

    @Test
    void shouldReturnTheFirstCampaignWhenItsClientReferenceIsSentAgainWithoutAKey() {
        String reference = "gt-campaign-" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(CampaignApi.campaign("Referenced " + reference));
        body.put("clientReference", reference);
        Map<?, ?> first = create(null, body).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
        // a retry over a poor connection, without a key, and one with the title retyped: both find the first
        create(null, body).expectStatus().isOk().expectHeader().location("/api/campaigns/" + first.get("id"))
                .expectBody().jsonPath("$.id").isEqualTo(first.get("id")).jsonPath("$.version").isEqualTo(1);
        body.put("title", "Referenced again " + reference);
        create(null, body).expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Referenced " + reference);
        http.get().uri("/api/campaigns?limit=200").headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectBody(Map.class).value(page -> assertThat(((List<?>) page.get("items")).stream()
                        .filter(item -> ((String) ((Map<?, ?>) item).get("title")).endsWith(reference))).hasSize(1));
        // another office's campaign under the same reference is its own
        http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(ISSUER.office("AL")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated();
        body.put("clientReference", "x".repeat(101));
        create(null, body).expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("clientReference");
    }

    private WebTestClient.ResponseSpec create(String key, Map<String, Object> body) {
        return http.post().uri("/api/campaigns").headers(h -> {
            h.setBearerAuth(ISSUER.office("GT"));
            if (key != null) {
                h.set("Idempotency-Key", key);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec action(String id, String action) {
        return http.post().uri("/api/campaigns/{id}/{action}", id, action)
                .headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange();
    }

    private WebTestClient.ResponseSpec patch(String id, String ifMatch, Map<String, Object> body) {
        return http.patch().uri("/api/campaigns/{id}", id).headers(h -> {
            h.setBearerAuth(ISSUER.office("GT"));
            if (ifMatch != null) {
                h.setIfMatch(ifMatch);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}

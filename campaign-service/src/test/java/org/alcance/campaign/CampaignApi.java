package org.alcance.campaign;

import java.util.Map;
import java.util.UUID;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the campaign API as a field office would, for tests that need a campaign to work on. */
final class CampaignApi {

    static final Issuer ISSUER = TestInfrastructure.get().issuer();

    private final WebTestClient http;

    CampaignApi(WebTestClient http) {
        this.http = http;
    }

    static Map<String, Object> campaign(String title) {
        return Map.of(
                "title", title,
                "description", "Posters and workshops on migrants' rights",
                "themes", java.util.List.of("migrant rights"),
                "channels", java.util.List.of("poster", "workshop"),
                "partners", java.util.List.of("Catholic Church"),
                "audiences", java.util.List.of(
                        Map.of("audience", "children", "target", 250_000, "baseline", 5_000,
                                "milestones", java.util.List.of(Map.of("by", "2002-12", "target", 100_000))),
                        Map.of("audience", "teachers", "target", 3_450)),
                "startDate", "2002-01-01",
                "endDate", "2026-12-31");
    }

    static Map<String, Object> update(String reference, int children, int teachers) {
        Map<String, Object> update = new java.util.HashMap<>(Map.of(
                "reportedOn", "2002-06-15",
                "place", Map.of("name", "Tecún Umán", "adminArea", "San Marcos"),
                "channel", "poster",
                "materials", Map.of("posters", 5_000),
                "reach", java.util.List.of(
                        Map.of("audience", "children", "people", children),
                        Map.of("audience", "teachers", "people", teachers,
                                "bySex", Map.of("FEMALE", teachers - teachers / 2, "MALE", teachers / 2))),
                "notes", "Posters at the border crossing"));
        if (reference != null) {
            update.put("clientReference", reference);
        }
        return update;
    }

    String create(String office, Map<String, Object> body) {
        return http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    String createActive(String office) {
        String id = create(office, campaign("Migrant Friend: You Have Rights " + UUID.randomUUID()));
        http.post().uri("/api/campaigns/{id}/launch", id).headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .exchange().expectStatus().isOk();
        return id;
    }

    WebTestClient.ResponseSpec report(String office, String campaignId, Map<String, Object> update) {
        return http.post().uri("/api/campaigns/{id}/updates", campaignId)
                .headers(h -> h.setBearerAuth(ISSUER.office(office)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(update).exchange();
    }
}

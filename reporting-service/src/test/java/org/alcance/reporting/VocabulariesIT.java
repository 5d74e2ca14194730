package org.alcance.reporting;

import static org.alcance.reporting.Events.launched;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alcance.events.AudienceReach;
import org.alcance.events.AudienceTarget;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.Place;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.vocabulary.VocabularyEntrySet;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.local.Issuer;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Figures grouped by the catalogue's codes and labelled in the caller's language: free text written before the
 * catalogue joins the code it names, as it stood on each day too. Its spellings are its own ("VT"), so that the
 * organisation-wide catalogue it sets regroups no other test's figures.
 */
@IntegrationTest
class VocabulariesIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldGroupFreeTextByTheCodeItNamesAndLabelItInTheCallersLanguage() {
        String theme = "theme-" + UUID.randomUUID();
        String first = "campaign-" + UUID.randomUUID();
        String second = "campaign-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.at("2002-03-01T08:00:00Z");
            producer.send(campaign(first, theme, new AudienceTarget("Journalists VT", 100)));
            producer.send(campaign(second, theme, new AudienceTarget("journalists vt", 50),
                    new AudienceTarget("Local press VT", 10)));
            producer.send(launched(first, "GT"));
            producer.send(launched(second, "GT"));
            producer.send(reported(first, "u1", Map.of("Posters VT", 5L), new AudienceReach("Journalists VT", 30)));
            producer.send(reported(second, "u2", Map.of("posters vt", 7L), new AudienceReach("journalists vt", 20),
                    new AudienceReach("Local press VT", 4)));
            producer.at("2002-03-20T08:00:00Z");
            producer.send(entry(VocabularyKind.AUDIENCE, "journalists-vt", "Journalists VT", "Periodistas VT",
                    "Journalistes VT"));
            producer.send(entry(VocabularyKind.MATERIAL, "posters-vt", "Posters VT", "Afiches VT", "Affiches VT"));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> figures("/api/figures/overview?theme=" + theme, "en")
                .jsonPath("$.reach.byAudience.length()").isEqualTo(2)
                .jsonPath("$.reach.byAudience.journalists-vt").isEqualTo(50)
                .jsonPath("$.reach.byAudience['Local press VT']").isEqualTo(4)
                .jsonPath("$.materials.posters-vt").isEqualTo(12)
                .jsonPath("$.targets[?(@.audience == 'journalists-vt')].target").isEqualTo(List.of(150))
                .jsonPath("$.targets[?(@.audience == 'journalists-vt')].reached").isEqualTo(List.of(50))
                .jsonPath("$.labels.language").isEqualTo("en")
                .jsonPath("$.labels.audiences.journalists-vt").isEqualTo("Journalists VT"));
        http.get().uri("/api/figures/overview?theme=" + theme).headers(h -> {
                    h.setBearerAuth(ISSUER.hq());
                    h.set(HttpHeaders.ACCEPT_LANGUAGE, "es-GT, es;q=0.9, en;q=0.5");
                }).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "es")
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .expectBody().jsonPath("$.labels.audiences.journalists-vt").isEqualTo("Periodistas VT")
                .jsonPath("$.labels.materials.posters-vt").isEqualTo("Afiches VT");
        figures("/api/figures/overview?theme=" + theme, "de-DE").jsonPath("$.labels.language").isEqualTo("en");
        figures("/api/figures/campaigns/" + second, "fr")
                .jsonPath("$.audiences[0].audience").isEqualTo("journalists-vt")
                .jsonPath("$.audiences[1].audience").isEqualTo("Local press VT")
                .jsonPath("$.materials.posters-vt").isEqualTo(7)
                .jsonPath("$.labels.audiences.journalists-vt").isEqualTo("Journalistes VT");

        String csv = http.get().uri("/api/exports/reach-by-audience.csv?theme=" + theme).headers(h -> {
            h.setBearerAuth(ISSUER.hq());
            h.set(HttpHeaders.ACCEPT_LANGUAGE, "fr");
        }).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().map(line -> line.substring(0, line.lastIndexOf(','))))
                .containsExactly("audience,label,people", "Local press VT,Local press VT,4",
                        "journalists-vt,Journalistes VT,50");

        // as the figures stood before the catalogue, and after it
        figures("/api/figures/overview?theme=" + theme + "&asOf=2002-03-10", "es")
                .jsonPath("$.reach.byAudience['Journalists VT']").isEqualTo(30)
                .jsonPath("$.reach.byAudience['journalists vt']").isEqualTo(20)
                .jsonPath("$.labels.audiences.journalists-vt").doesNotExist();
        figures("/api/figures/overview?theme=" + theme + "&asOf=2002-03-21", "es")
                .jsonPath("$.reach.byAudience.journalists-vt").isEqualTo(50)
                .jsonPath("$.labels.audiences.journalists-vt").isEqualTo("Periodistas VT");
    }

    private WebTestClient.BodyContentSpec figures(String uri, String language) {
        return http.get().uri(uri).headers(h -> {
            h.setBearerAuth(ISSUER.hq());
            h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }).exchange().expectStatus().isOk().expectBody();
    }

    private static CampaignCreated campaign(String id, String theme, AudienceTarget... audiences) {
        return new CampaignCreated(id, "GT", "Press and the rights of migrants", "Workshops for the press",
                List.of(theme), List.of("workshop"), List.of(), List.of(audiences), LocalDate.of(2002, 1, 1),
                LocalDate.of(2002, 12, 31), false);
    }

    private static ProgressReported reported(String campaign, String update, Map<String, Long> materials,
            AudienceReach... reach) {
        return new ProgressReported(campaign, "GT", update, LocalDate.of(2002, 3, 5),
                new Place("Quetzaltenango", null), "workshop", materials, List.of(reach), null);
    }

    static VocabularyEntrySet entry(VocabularyKind kind, String code, String en, String es, String fr) {
        return new VocabularyEntrySet(kind, code, Map.of("en", en, "es", es, "fr", fr),
                Instant.parse("2002-03-20T08:00:00Z"), "admin");
    }
}

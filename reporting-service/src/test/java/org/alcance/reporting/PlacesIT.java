package org.alcance.reporting;

import static org.alcance.reporting.Events.correctedAt;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.reportedAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.alcance.local.Issuer;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reach by country and by ISO 3166-2 subdivision, as the updates' places say, corrections included. */
@IntegrationTest
class PlacesIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldCountReachWhereItHappenedByCountryAndSubdivision() {
        String theme = "theme-" + UUID.randomUUID();
        String campaign = "campaign-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(campaign, "GT", theme));
            producer.send(launched(campaign, "GT"));
            producer.send(reportedAt(campaign, "GT", "u1", "2002-06-15", "GT-SM", 1_000));
            producer.send(reportedAt(campaign, "GT", "u2", "2002-06-20", "GT-QZ", 200));
            producer.send(reportedAt(campaign, "GT", "u3", "2002-07-01", null, 50)); // no code: the office's country
            producer.send(reportedAt(campaign, "GT", "u4", "2002-07-05", "SV-SS", 30)); // across the border
            // the first workshop was in fact held in Quetzaltenango
            producer.send(correctedAt(campaign, "GT", "u1", 2, "2002-06-15", "GT-QZ", 900));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> hq("/api/figures/campaigns/" + campaign)
                .jsonPath("$.reached").isEqualTo(1_180)
                .jsonPath("$.bySubdivision.GT-QZ").isEqualTo(1_100)
                .jsonPath("$.bySubdivision.SV-SS").isEqualTo(30)
                .jsonPath("$.bySubdivision.GT-SM").doesNotExist());

        // an overview's fold may serve for a moment after a document changed (FigureCache)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> hq("/api/figures/overview?theme=" + theme)
                .jsonPath("$.reach.byCountry.GT").isEqualTo(1_150)
                .jsonPath("$.reach.byCountry.SV").isEqualTo(30)
                .jsonPath("$.reach.bySubdivision.length()").isEqualTo(2)
                .jsonPath("$.reach.bySubdivision.GT-QZ").isEqualTo(1_100));
        hq("/api/figures/overview?theme=" + theme + "&from=2002-07&to=2002-07")
                .jsonPath("$.reach.byCountry.GT").isEqualTo(50)
                .jsonPath("$.reach.byCountry.SV").isEqualTo(30)
                .jsonPath("$.reach.bySubdivision.length()").isEqualTo(1);
        String csv = http.get().uri("/api/exports/reach-by-subdivision.csv?theme=" + theme)
                .headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.lastIndexOf(','))))
                .containsExactly("GT-QZ,1100", "SV-SS,30");
    }

    private WebTestClient.BodyContentSpec hq(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody();
    }
}

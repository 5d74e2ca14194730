package org.alcance.reporting;

import static org.alcance.reporting.Events.corrected;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.period;
import static org.alcance.reporting.Events.quarterly;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.retracted;
import static org.alcance.reporting.Events.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.alcance.events.Sex;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.local.Issuer;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Figures as they stood at the end of a day, derived from the event log beside today's corrected figures. */
@IntegrationTest
class AsOfIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldGiveTheFiguresAsTheyStoodOnADayBesideTodaysCorrectedOnes() {
        String theme = "theme-" + UUID.randomUUID();
        String campaign = "campaign-" + UUID.randomUUID();
        String course = "course-" + UUID.randomUUID();
        String office = "Q" + (char) ('A' + (int) (Math.random() * 26));
        try (EventProducer producer = new EventProducer()) {
            producer.at("2002-06-01T08:00:00Z");
            producer.send(created(campaign, "GT", theme));
            producer.send(launched(campaign, "GT"));
            producer.send(reported(campaign, "GT", "u1", "2002-06-01", "poster", 1_000, 0));
            producer.send(scheduled(course, "GT", theme));
            producer.at("2002-06-10T08:00:00Z");
            producer.send(reported(campaign, "GT", "u2", "2002-06-09", "radio", 500, 0));
            producer.send(corrected(campaign, "GT", "u1", 2, "2002-06-01", "poster", 800, 0));
            producer.send(enrolled(course, "GT", "p1", Sex.FEMALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            producer.at("2002-06-20T08:00:00Z");
            producer.send(retracted(campaign, "GT", "u2"));
            producer.send(quarterly());
            producer.at("2002-07-10T08:00:00Z");
            producer.send(period(office, "2002-Q2", PeriodStatus.SUBMITTED, "2002-07-10", null));
            producer.at("2002-07-20T08:00:00Z");
            producer.send(period(office, "2002-Q2", PeriodStatus.APPROVED, "2002-07-20", null));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> hq("/api/figures/campaigns/" + campaign)
                .jsonPath("$.reached").isEqualTo(800).jsonPath("$.updatesRetracted").isEqualTo(1));

        hq("/api/figures/overview?theme=" + theme + "&asOf=2002-06-05")
                .jsonPath("$.filters.asOf").isEqualTo("2002-06-05")
                .jsonPath("$.reach.total").isEqualTo(1_000)
                .jsonPath("$.participants.enrolled").isEqualTo(0)
                .jsonPath("$.asOf").value(asOf -> assertThat(asOf.toString()).startsWith("2002-06-01"));
        hq("/api/figures/overview?theme=" + theme + "&asOf=2002-06-15")
                .jsonPath("$.reach.total").isEqualTo(1_300)
                .jsonPath("$.reach.byChannel.radio").isEqualTo(500)
                .jsonPath("$.participants.enrolled").isEqualTo(1);
        hq("/api/figures/overview?theme=" + theme + "&asOf=2002-06-15&from=2002-06-09&to=2002-06-30")
                .jsonPath("$.reach.total").isEqualTo(500);
        hq("/api/figures/campaigns/" + campaign + "?asOf=2002-06-15").jsonPath("$.reached").isEqualTo(1_300);
        hq("/api/figures/courses/" + course + "?asOf=2002-06-05").jsonPath("$.enrolled").isEqualTo(0);
        hq("/api/figures/overview?theme=" + theme + "&asOf=2001-12-31").jsonPath("$.campaigns.total").isEqualTo(0);
        http.get().uri("/api/figures/campaigns/" + campaign + "?asOf=2001-12-31")
                .headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isNotFound();

        // today's figures from the log are the live ones (once the live fold shows every change: FigureCache)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> hq("/api/figures/overview?theme=" + theme)
                .jsonPath("$.reach.total").isEqualTo(800).jsonPath("$.participants.enrolled").isEqualTo(1));
        Map<?, ?> live = overview("/api/figures/overview?theme=" + theme);
        Map<?, ?> today = overview("/api/figures/overview?theme=" + theme + "&asOf=" + LocalDate.now());
        assertThat(today.get("reach")).isEqualTo(live.get("reach"));
        assertThat(today.get("participants")).isEqualTo(live.get("participants"));
        assertThat(today.get("asOf")).isEqualTo(live.get("asOf"));

        // a period approved on 2002-07-20 was only submitted on the 15th
        hq("/api/figures/periods?office=" + office + "&from=2002-04&to=2002-06&asOf=2002-07-15")
                .jsonPath("$.periods[0].offices[0].state").isEqualTo("SUBMITTED");
        hq("/api/figures/periods?office=" + office + "&from=2002-04&to=2002-06")
                .jsonPath("$.periods[0].offices[0].state").isEqualTo("APPROVED");

        String csv = http.get().uri("/api/exports/reach-by-channel.csv?theme=" + theme + "&asOf=2002-06-15")
                .headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).contains("poster,800,", "radio,500,");

        for (String wrong : new String[] {"2002-13-01", LocalDate.now().plusDays(2).toString()}) {
            http.get().uri("/api/figures/overview?asOf=" + wrong).headers(h -> h.setBearerAuth(ISSUER.hq()))
                    .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        }
    }

    private Map<?, ?> overview(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec hq(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody();
    }
}

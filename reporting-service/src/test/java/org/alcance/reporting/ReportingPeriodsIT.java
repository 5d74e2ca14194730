package org.alcance.reporting;

import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.period;
import static org.alcance.reporting.Events.quarterly;
import static org.alcance.reporting.Events.reported;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.alcance.events.period.PeriodStatus;
import org.alcance.local.Issuer;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reporting periods as their events tell them: each office's standing, completeness, and the figures' standing. */
@IntegrationTest
class ReportingPeriodsIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldTellWhichOfficesReportedForEachPeriodAndHowFinalTheirFiguresAre() {
        String office = "P" + (char) ('A' + (int) (Math.random() * 26));
        String campaign = "campaign-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(quarterly());
            producer.send(created(campaign, office)); // runs from May to December 2002
            producer.send(launched(campaign, office));
            producer.send(reported(campaign, office, "u1", "2002-05-10", "poster", 1_200, 0));
            producer.send(reported(campaign, office, "u2", "2002-08-01", "radio", 300, 0));
            producer.send(period(office, "2002-Q2", PeriodStatus.SUBMITTED, "2002-07-10", null));
            producer.sendAgain(producer.send(period(office, "2002-Q2", PeriodStatus.APPROVED, "2002-07-20", "Checked")));
            // submitted after its due day, 2002-10-15
            producer.send(period(office, "2002-Q3", PeriodStatus.SUBMITTED, "2002-10-30", "Radio logs attached"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> hq("/api/figures/periods?office=" + office
                        + "&from=2002-04&to=2002-12")
                .jsonPath("$.schedule.frequency").isEqualTo("QUARTERLY")
                .jsonPath("$.periods.length()").isEqualTo(3)
                .jsonPath("$.periods[0].period").isEqualTo("2002-Q2")
                .jsonPath("$.periods[0].due").isEqualTo("2002-07-15")
                .jsonPath("$.periods[0].status").isEqualTo("APPROVED")
                .jsonPath("$.periods[0].expected").isEqualTo(1)
                .jsonPath("$.periods[0].approved").isEqualTo(1)
                .jsonPath("$.periods[0].late").isEqualTo(0)
                .jsonPath("$.periods[0].offices[0].history.length()").isEqualTo(2)
                .jsonPath("$.periods[0].offices[0].history[1].by").isEqualTo("hq")
                .jsonPath("$.periods[1].status").isEqualTo("SUBMITTED")
                .jsonPath("$.periods[1].submitted").isEqualTo(1)
                .jsonPath("$.periods[1].late").isEqualTo(1)
                .jsonPath("$.periods[2].period").isEqualTo("2002-Q4")
                .jsonPath("$.periods[2].status").isEqualTo("PROVISIONAL")
                .jsonPath("$.periods[2].expected").isEqualTo(1)
                .jsonPath("$.periods[2].submitted").isEqualTo(0)
                .jsonPath("$.periods[2].late").isEqualTo(1)
                .jsonPath("$.periods[2].offices[0].state").doesNotExist());

        // an overview's fold may serve for a moment after a document changed (FigureCache)
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> hq("/api/figures/overview?office=" + office)
                .jsonPath("$.reach.total").isEqualTo(1_500)
                .jsonPath("$.periods.length()").isEqualTo(2)
                .jsonPath("$.periods[0].period").isEqualTo("2002-Q2")
                .jsonPath("$.periods[0].status").isEqualTo("APPROVED")
                .jsonPath("$.periods[0].offices." + office).isEqualTo("APPROVED")
                .jsonPath("$.periods[1].status").isEqualTo("SUBMITTED"));
        hq("/api/figures/overview?office=" + office + "&from=2002-05&to=2002-05")
                .jsonPath("$.periods.length()").isEqualTo(1)
                .jsonPath("$.periods[0].status").isEqualTo("APPROVED");

        // the office reads its own periods, no other office's
        http.get().uri("/api/figures/periods").headers(h -> h.setBearerAuth(ISSUER.token().office(office).roles("office").sign()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.periods[?(@.period == '2002-Q2')].offices[*].office").isEqualTo(office);
        http.get().uri("/api/figures/periods?office=" + office).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/figures/periods?from=2002-13").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    private WebTestClient.BodyContentSpec hq(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody();
    }
}

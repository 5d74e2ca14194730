package org.alcance.reporting;

import static org.alcance.reporting.Events.completedCourse;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alcance.events.AudienceTarget;
import org.alcance.events.Sex;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.vocabulary.VocabularyKind;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class ReplayIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();
    private static final String PERIODS = "/api/figures/periods?office=GT&from=2002-01&to=2002-12";

    @Autowired
    WebTestClient http;

    @Test
    void shouldRebuildFiguresEqualToTheLiveOnesWhileTheCurrentGenerationKeepsServing() {
        String theme = "theme-" + UUID.randomUUID();
        String campaign = "campaign-" + UUID.randomUUID();
        String planned = "campaign-" + UUID.randomUUID();
        String course = "course-" + UUID.randomUUID();
        String again = "course-" + UUID.randomUUID();
        String person = "person-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.sendAgain(producer.send(created(campaign, "GT", theme)));
            producer.send(launched(campaign, "GT"));
            // reported before progress events took their update as their subject, corrected after
            producer.sendAgain(producer.sendV1(reported(campaign, "GT", "u1", "2002-06-15", "poster", 1_200, 30)));
            producer.send(reported(campaign, "GT", "u2", "2002-08-01", "radio", 2_000, 0));
            producer.send(corrected(campaign, "GT", "u1", 2, "2002-06-15", "poster", 1_100, 30));
            producer.send(retracted(campaign, "GT", "u2"));
            // one person trained in two courses: two completions, one person trained
            producer.send(scheduled(course, "GT", theme));
            producer.send(enrolled(course, "GT", "p1", person, Sex.FEMALE, OrganisationType.JUDICIARY,
                    EnrolmentStatus.ENROLLED));
            producer.send(completedCourse(course, "GT", "p1"));
            producer.send(Events.illustrative(scheduled(again, "GT", theme)));
            producer.send(enrolled(again, "GT", "p2", person, Sex.FEMALE, OrganisationType.JUDICIARY,
                    EnrolmentStatus.ENROLLED));
            producer.send(completedCourse(again, "GT", "p2"));
            // targets over time: a baseline and milestones, and what was achieved by each
            producer.send(new CampaignCreated(planned, "GT", "Migrant Friend: You Have Rights", "Posters",
                    List.of(theme), List.of("poster"), List.of(), List.of(new AudienceTarget("children", 300_000,
                            10_000L, List.of(new AudienceTarget.Milestone(LocalDate.of(2002, 9, 30), 100_000)))),
                    LocalDate.of(2002, 5, 1), LocalDate.of(2002, 12, 31), true));
            producer.send(reported(planned, "GT", "u1", "2002-06-15", "poster", 40_000, 0));
            // a period approved, so locked, then reopened: its standing and history must come back as they were
            producer.send(quarterly());
            producer.send(period("GT", "2002-Q2", PeriodStatus.SUBMITTED, "2002-07-10", null));
            producer.send(period("GT", "2002-Q2", PeriodStatus.APPROVED, "2002-07-20", "Checked"));
            producer.send(period("GT", "2002-Q2", PeriodStatus.REOPENED, "2002-08-01", "A workshop was left out"));
            // the catalogue's labels, in each language, must come back too
            producer.send(VocabulariesIT.entry(VocabularyKind.AUDIENCE, "children", "Children", "Niñas y niños",
                    "Enfants"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            body("/api/figures/campaigns/" + campaign).jsonPath("$.sequence").isEqualTo(3)
                    .jsonPath("$.reached").isEqualTo(1_130).jsonPath("$.updatesRetracted").isEqualTo(1);
            body("/api/figures/courses/" + course).jsonPath("$.sequence").isEqualTo(3);
            body("/api/figures/courses/" + again).jsonPath("$.sequence").isEqualTo(3);
            body("/api/figures/campaigns/" + planned).jsonPath("$.audiences[0].milestones[0].achieved")
                    .isEqualTo(50_000).jsonPath("$.labels.audiences.children").isEqualTo("Children");
            body(PERIODS).jsonPath("$.periods[?(@.period == '2002-Q2')].offices[0].state").isEqualTo("REOPENED");
        });
        String liveCampaign = json("/api/figures/campaigns/" + campaign);
        String liveCourse = json("/api/figures/courses/" + course);
        String livePlanned = json("/api/figures/campaigns/" + planned);
        String liveOverview = json("/api/figures/overview?theme=" + theme);
        body("/api/figures/overview?theme=" + theme).jsonPath("$.participants.completed").isEqualTo(2)
                .jsonPath("$.participants.people.completed").isEqualTo(1)
                .jsonPath("$.illustrative.campaigns").isEqualTo(1).jsonPath("$.illustrative.courses").isEqualTo(1);
        body("/api/figures/campaigns/" + planned).jsonPath("$.illustrative").isEqualTo(true);
        String livePeriods = json(PERIODS);
        String liveLabels = json("/api/figures/campaigns/" + planned, "es");
        assertThat(liveLabels).contains("\"children\":\"Niñas y niños\"");
        Map<?, ?> before = state();
        long generation = ((Number) before.get("activeGeneration")).longValue();

        http.post().uri("/api/admin/replay").headers(h -> h.setBearerAuth(ISSUER.hq())).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/admin/replay").headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/admin/replay").headers(h -> h.setBearerAuth(ISSUER.admin())).exchange()
                .expectStatus().isAccepted().expectBody()
                .jsonPath("$.activeGeneration").isEqualTo(generation)
                .jsonPath("$.buildingGeneration").isEqualTo(generation + 1)
                .jsonPath("$.replay.status").isEqualTo("BUILDING");
        // the current generation keeps serving while the new one is built
        assertThat(json("/api/figures/campaigns/" + campaign)).isEqualTo(liveCampaign);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                ((Number) state().get("activeGeneration")).longValue()).isEqualTo(generation + 1));
        Map<?, ?> replay = (Map<?, ?>) state().get("replay");
        assertThat(replay.get("status")).isEqualTo("DONE");
        assertThat(replay.get("progress")).isEqualTo(1.0);
        assertThat(json("/api/figures/campaigns/" + campaign)).isEqualTo(liveCampaign);
        assertThat(json("/api/figures/courses/" + course)).isEqualTo(liveCourse).contains("\"targets\":[{");
        assertThat(json("/api/figures/campaigns/" + planned)).isEqualTo(livePlanned);
        assertThat(json("/api/figures/overview?theme=" + theme)).isEqualTo(liveOverview);
        assertThat(json(PERIODS)).isEqualTo(livePeriods).contains("A workshop was left out");
        assertThat(json("/api/figures/campaigns/" + planned, "es")).isEqualTo(liveLabels);

        // and the new generation carries on with live events
        try (EventProducer producer = new EventProducer()) {
            String next = "campaign-" + UUID.randomUUID();
            producer.send(created(next, "HN", theme));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> body("/api/figures/campaigns/" + next)
                    .jsonPath("$.office").isEqualTo("HN"));
        }
    }

    private Map<?, ?> state() {
        return http.get().uri("/api/admin/replay").headers(h -> h.setBearerAuth(ISSUER.admin())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec body(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk()
                .expectBody();
    }

    private String json(String uri) {
        return json(uri, "en");
    }

    private String json(String uri, String language) {
        return http.get().uri(uri).headers(h -> {
            h.setBearerAuth(ISSUER.hq());
            h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}

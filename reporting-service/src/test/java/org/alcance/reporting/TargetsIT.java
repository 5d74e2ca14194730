package org.alcance.reporting;

import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.scheduled;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.alcance.events.AudienceTarget;
import org.alcance.events.Sex;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.local.Issuer;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Targets over time: a campaign audience's baseline and cumulative milestones against what was reached by each;
 * a course's participants to train against those trained.
 */
@IntegrationTest
class TargetsIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldShowWhatWasAchievedByEachMilestoneAndSinceTheOneBefore() {
        String campaign = "campaign-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(new CampaignCreated(campaign, "GT", "Migrant Friend: You Have Rights", "Posters",
                    List.of("migrant-rights"), List.of("poster", "radio"), List.of(), List.of(
                            new AudienceTarget("children", 300_000, 5_000L, List.of(
                                    new AudienceTarget.Milestone(LocalDate.of(2002, 6, 30), 50_000),
                                    new AudienceTarget.Milestone(LocalDate.of(2002, 12, 31), 300_000))),
                            new AudienceTarget("teachers", 3_450)),
                    LocalDate.of(2002, 5, 1), LocalDate.of(2002, 12, 31), false));
            producer.send(launched(campaign, "GT"));
            producer.send(reported(campaign, "GT", "u1", "2002-05-10", "poster", 20_000, 0));
            producer.send(reported(campaign, "GT", "u2", "2002-06-15", "poster", 10_000, 0));
            producer.send(reported(campaign, "GT", "u3", "2002-08-01", "radio", 40_000, 0));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get().uri("/api/figures/campaigns/" + campaign)
                .headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.updatesCounted").isEqualTo(3)
                .jsonPath("$.audiences[0].audience").isEqualTo("children")
                .jsonPath("$.audiences[0].reached").isEqualTo(70_000)
                .jsonPath("$.audiences[0].baseline").isEqualTo(5_000)
                .jsonPath("$.audiences[0].percentAchieved").isEqualTo(25.0)
                .jsonPath("$.audiences[0].milestones[0].by").isEqualTo("2002-06-30")
                .jsonPath("$.audiences[0].milestones[0].achieved").isEqualTo(35_000)
                .jsonPath("$.audiences[0].milestones[0].percentAchieved").isEqualTo(70.0)
                .jsonPath("$.audiences[0].milestones[0].targetSincePrevious").isEqualTo(45_000)
                .jsonPath("$.audiences[0].milestones[0].achievedSincePrevious").isEqualTo(30_000)
                .jsonPath("$.audiences[0].milestones[1].achieved").isEqualTo(75_000)
                .jsonPath("$.audiences[0].milestones[1].targetSincePrevious").isEqualTo(250_000)
                .jsonPath("$.audiences[0].milestones[1].achievedSincePrevious").isEqualTo(40_000)
                .jsonPath("$.audiences[1].baseline").doesNotExist()
                .jsonPath("$.audiences[1].milestones.length()").isEqualTo(0));
    }

    @Test
    void shouldShowTheParticipantsTrainedAgainstEachCoursesTargetsAndTheirSumOverCourses() {
        String topic = "topic-" + UUID.randomUUID();
        String first = "course-" + UUID.randomUUID();
        String second = "course-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            for (String course : List.of(first, second)) { // each aims at 10 from the judiciary and 12 women
                producer.send(scheduled(course, "GT", topic));
            }
            producer.send(enrolled(first, "GT", "p1", Sex.FEMALE, OrganisationType.JUDICIARY, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(first, "GT", "p2", Sex.MALE, OrganisationType.JUDICIARY, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(first, "GT", "p3", Sex.FEMALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            producer.send(enrolled(second, "GT", "p4", Sex.FEMALE, OrganisationType.NGO, EnrolmentStatus.ENROLLED));
            for (String participant : List.of("p1", "p2", "p3")) {
                producer.send(completedCourse(first, "GT", participant));
            }
            producer.send(completedCourse(second, "GT", "p4"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get().uri("/api/figures/courses/" + first)
                .headers(h -> h.setBearerAuth(ISSUER.hq())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.completed").isEqualTo(3)
                .jsonPath("$.targets[0].organisationType").isEqualTo("JUDICIARY")
                .jsonPath("$.targets[0].target").isEqualTo(10)
                .jsonPath("$.targets[0].trained").isEqualTo(2)
                .jsonPath("$.targets[0].percentAchieved").isEqualTo(20.0)
                .jsonPath("$.targets[1].sex").isEqualTo("FEMALE")
                .jsonPath("$.targets[1].trained").isEqualTo(2));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> http.get()
                .uri("/api/figures/overview?theme=" + topic).headers(h -> h.setBearerAuth(ISSUER.hq())).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.trainingTargets[0].target").isEqualTo(20)
                .jsonPath("$.trainingTargets[0].trained").isEqualTo(2)
                .jsonPath("$.trainingTargets[1].target").isEqualTo(24)
                .jsonPath("$.trainingTargets[1].trained").isEqualTo(3)
                .jsonPath("$.trainingTargets[1].percentAchieved").isEqualTo(12.5));
    }
}

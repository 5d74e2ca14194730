package org.alcance.reporting;

import static org.alcance.reporting.Events.corrected;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alcance.events.Sex;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;

@IntegrationTest
class FiguresIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();

    @Autowired
    WebTestClient http;

    @Test
    void shouldShowAFieldOfficeOnlyItsOwnOfficesFiguresAndHeadquartersAll() {
        String theme = "theme-" + UUID.randomUUID();
        String gt = "campaign-" + UUID.randomUUID();
        String hn = "campaign-" + UUID.randomUUID();
        String hnCourse = "course-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(gt, "GT", theme));
            producer.send(reported(gt, "GT", "u1", "2002-06-15", "poster", 1_200, 0));
            producer.send(created(hn, "HN", theme));
            producer.send(reported(hn, "HN", "u1", "2002-06-15", "radio", 450, 0));
            producer.send(scheduled(hnCourse, "HN", theme));
            producer.send(enrolled(hnCourse, "HN", "p1", Sex.MALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            get("/api/figures/campaigns/" + hn, ISSUER.hq()).expectBody().jsonPath("$.updatesCounted").isEqualTo(1);
            get("/api/figures/courses/" + hnCourse, ISSUER.hq()).expectBody().jsonPath("$.sequence").isEqualTo(2);
            get("/api/figures/campaigns/" + gt, ISSUER.hq()).expectBody().jsonPath("$.updatesCounted").isEqualTo(1);
        });

        get("/api/figures/campaigns/" + hn, ISSUER.office("GT")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/figures/courses/" + hnCourse, ISSUER.office("GT")).expectStatus().isNotFound();
        get("/api/figures/offices/HN", ISSUER.office("GT")).expectStatus().isNotFound();
        get("/api/figures/overview?office=HN", ISSUER.office("GT")).expectStatus().isForbidden();
        get("/api/figures/overview", ISSUER.token().roles("office").sign()).expectStatus().isForbidden();
        get("/api/figures/campaigns/" + hn, ISSUER.office("HN")).expectStatus().isOk();
        http.get().uri("/api/figures/overview").exchange().expectStatus().isUnauthorized();

        get("/api/figures/overview?theme=" + theme, ISSUER.office("GT")).expectStatus().isOk().expectBody()
                .jsonPath("$.reach.total").isEqualTo(1_200)
                .jsonPath("$.reach.byOffice.HN").doesNotExist()
                .jsonPath("$.courses.total").isEqualTo(0);
        get("/api/figures/overview?theme=" + theme + "&from=2002-06&to=2002-06", ISSUER.office("GT")).expectStatus()
                .isOk().expectBody().jsonPath("$.reach.total").isEqualTo(1_200)
                .jsonPath("$.reach.byOffice.HN").doesNotExist();
        get("/api/figures/overview?theme=" + theme + "&from=2002-06-16", ISSUER.hq()).expectStatus().isOk()
                .expectBody().jsonPath("$.reach.total").isEqualTo(0);
        get("/api/figures/overview?theme=" + theme, ISSUER.hq()).expectStatus().isOk().expectBody()
                .jsonPath("$.reach.total").isEqualTo(1_650)
                .jsonPath("$.reach.byOffice.HN").isEqualTo(450)
                .jsonPath("$.participants.byOffice.HN.enrolled").isEqualTo(1);
        get("/api/figures/offices/HN?theme=" + theme, ISSUER.admin()).expectStatus().isOk().expectBody()
                .jsonPath("$.office").isEqualTo("HN")
                .jsonPath("$.figures.reach.total").isEqualTo(450)
                .jsonPath("$.campaigns[0].id").isEqualTo(hn)
                .jsonPath("$.campaigns[0].reached").isEqualTo(450)
                .jsonPath("$.courses[0].enrolled").isEqualTo(1)
                .jsonPath("$.asOf").isNotEmpty();
    }

    @Test
    void shouldMarkIllustrativeCampaignsAndCoursesAndCountThemInEveryOverviewNowAndAsOfADay() {
        String theme = "theme-" + UUID.randomUUID();
        String sample = "campaign-" + UUID.randomUUID();
        String real = "campaign-" + UUID.randomUUID();
        String sampleCourse = "course-" + UUID.randomUUID();
        String realCourse = "course-" + UUID.randomUUID();
        try (EventProducer producer = new EventProducer()) {
            producer.send(Events.illustrative(created(sample, "GT", theme)));
            producer.send(reported(sample, "GT", "u1", "2002-06-15", "poster", 700, 0));
            producer.send(created(real, "GT", theme));
            producer.send(Events.illustrative(scheduled(sampleCourse, "GT", theme)));
            producer.send(scheduled(realCourse, "HN", theme));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/overview?theme=" + theme,
                ISSUER.hq()).expectBody().jsonPath("$.courses.total").isEqualTo(2).jsonPath("$.campaigns.total")
                .isEqualTo(2));

        get("/api/figures/campaigns/" + sample, ISSUER.hq()).expectBody().jsonPath("$.illustrative").isEqualTo(true);
        get("/api/figures/campaigns/" + real, ISSUER.hq()).expectBody().jsonPath("$.illustrative").isEqualTo(false);
        get("/api/figures/courses/" + sampleCourse, ISSUER.hq()).expectBody().jsonPath("$.illustrative").isEqualTo(true);
        get("/api/figures/courses/" + realCourse, ISSUER.hq()).expectBody().jsonPath("$.illustrative").isEqualTo(false);
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (String filters : List.of("", "&from=2002-06&to=2002-06", "&asOf=" + today)) {
            get("/api/figures/overview?theme=" + theme + filters, ISSUER.hq()).expectStatus().isOk().expectBody()
                    .jsonPath("$.illustrative.campaigns").isEqualTo(1)
                    .jsonPath("$.illustrative.courses").isEqualTo(1);
            get("/api/figures/offices/HN?theme=" + theme + filters, ISSUER.hq()).expectStatus().isOk().expectBody()
                    .jsonPath("$.figures.illustrative.campaigns").isEqualTo(0)
                    .jsonPath("$.figures.illustrative.courses").isEqualTo(0);
            get("/api/figures/overview?theme=" + theme + filters, ISSUER.office("GT")).expectStatus().isOk()
                    .expectBody().jsonPath("$.illustrative.campaigns").isEqualTo(1)
                    .jsonPath("$.illustrative.courses").isEqualTo(1);
        }
        get("/api/figures/offices/GT?theme=" + theme, ISSUER.hq()).expectBody()
                .jsonPath("$.campaigns[?(@.id == '" + sample + "')].illustrative").isEqualTo(true)
                .jsonPath("$.campaigns[?(@.id == '" + real + "')].illustrative").isEqualTo(false)
                .jsonPath("$.courses[0].illustrative").isEqualTo(true);
        get("/api/figures/campaigns/" + sample + "?asOf=" + today, ISSUER.hq()).expectBody()
                .jsonPath("$.illustrative").isEqualTo(true);
        get("/api/figures/overview?theme=" + theme + "&asOf=2002-05-31", ISSUER.hq()).expectStatus().isOk()
                .expectBody().jsonPath("$.illustrative.campaigns").isEqualTo(0);
    }

    @Test
    void shouldAnswer404ForAnUnknownCampaignAnd400NamingTheFieldForABadPeriod() {
        get("/api/figures/campaigns/campaign-" + UUID.randomUUID(), ISSUER.hq()).expectStatus().isNotFound();
        get("/api/figures/overview?from=June", ISSUER.hq()).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("from");
        get("/api/figures/overview?from=2002-07&to=2002-06", ISSUER.hq()).expectStatus().isBadRequest();
    }

    @Test
    void shouldStreamAChangeOfFiguresOnlyToCallersWhoMayReadThem() {
        String gt = "campaign-" + UUID.randomUUID();
        String hn = "campaign-" + UUID.randomUUID();
        List<ServerSentEvent<Map<String, Object>>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = stream(ISSUER.office("GT"), received);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty()); // the stream is open
            try (EventProducer producer = new EventProducer()) {
                producer.send(created(hn, "HN"));
                producer.send(created(gt, "GT"));
                producer.send(reported(gt, "GT", gt + "-u1", "2002-06-15", "poster", 120, 0));
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received)
                    .filteredOn(event -> event.data() != null).extracting(ServerSentEvent::data)
                    .anySatisfy(data -> {
                        assertThat(data).containsEntry("id", gt).containsEntry("aggregate", "campaign")
                                .containsEntry("office", "GT")
                                .containsEntry("type", "org.alcance.campaign.campaign-created.v1")
                                .containsEntry("subject", gt).containsEntry("sequence", 1);
                        assertThat(data.get("asOf")).isNotNull();
                    })
                    // a progress update's change names the update and its revision
                    .anySatisfy(data -> assertThat(data).containsEntry("id", gt)
                            .containsEntry("subject", gt + "-u1").containsEntry("sequence", 1)));
            get("/api/figures/campaigns/" + hn, ISSUER.hq()).expectStatus().isOk(); // applied, yet not streamed
            assertThat(received).filteredOn(event -> event.data() != null)
                    .noneSatisfy(event -> assertThat(event.data()).containsEntry("id", hn));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void shouldStreamEveryChangeOfABurstToAReaderThatKeepsUp() {
        String office = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<String> campaigns = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> "campaign-" + UUID.randomUUID()).toList();
        List<ServerSentEvent<Map<String, Object>>> received = new CopyOnWriteArrayList<>();
        Disposable subscription = stream(ISSUER.hq(), received);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty()); // the stream is open
            try (EventProducer producer = new EventProducer()) {
                // sent together, they reach the consumers in a few polls, and their changes leave in a tight loop
                producer.sendTogether(campaigns.stream().map(campaign -> producer.record(created(campaign, office))).toList());
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received)
                    .filteredOn(event -> event.data() != null).extracting(event -> event.data().get("id"))
                    .containsAll(campaigns));
        } finally {
            subscription.dispose();
        }
    }

    @Test
    void shouldKeepUnfilteredFiguresFreshAfterEveryChangeAndEqualToTheFoldOfEveryUpdate() {
        String office = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String campaign = "campaign-" + UUID.randomUUID();
        String course = "course-" + UUID.randomUUID();
        get("/api/figures/overview", ISSUER.hq()).expectStatus().isOk(); // folded once before the office exists
        get("/api/figures/offices/" + office, ISSUER.hq()).expectStatus().isOk();
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(campaign, office));
            producer.send(reported(campaign, office, "u1", "2002-06-15", "poster", 1_200, 30));
            producer.send(scheduled(course, office));
            producer.send(enrolled(course, office, "p1", Sex.FEMALE, OrganisationType.POLICE, EnrolmentStatus.ENROLLED));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                get("/api/figures/overview", ISSUER.hq()).expectBody().jsonPath("$.reach.byOffice." + office)
                        .isEqualTo(1_230).jsonPath("$.participants.byOffice." + office + ".enrolled").isEqualTo(1);
                get("/api/figures/offices/" + office, ISSUER.hq()).expectBody().jsonPath("$.figures.reach.total")
                        .isEqualTo(1_230).jsonPath("$.campaigns[0].reached").isEqualTo(1_230);
            });

            producer.send(corrected(campaign, office, "u1", 2, "2002-06-15", "poster", 1_100, 30));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                get("/api/figures/overview", ISSUER.hq()).expectBody().jsonPath("$.reach.byOffice." + office)
                        .isEqualTo(1_130);
                // an office of this test only, so without an account at the issuer: a token in the issuer's name
                get("/api/figures/offices/" + office, ISSUER.token().office(office).roles("office").sign()).expectBody()
                        .jsonPath("$.figures.reach.total").isEqualTo(1_130).jsonPath("$.figures.materials.posters")
                        .isEqualTo(110);
            });
        }
        // a period spanning every date folds the campaign's updates as stored, not the summaries kept in memory
        String always = "from=0001-01&to=9999-12";
        assertThat(figures("/api/figures/overview?office=" + office))
                .isEqualTo(figures("/api/figures/overview?office=" + office + "&" + always));
        assertThat(figures("/api/figures/offices/" + office)).isEqualTo(figures("/api/figures/offices/" + office + "?" + always));
    }

    /** A figures answer without the filters it echoes. */
    private Map<String, Object> figures(String uri) {
        Map<String, Object> body = new HashMap<>(get(uri, ISSUER.hq()).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody());
        body.remove("filters");
        if (body.get("figures") instanceof Map<?, ?> nested) {
            Map<Object, Object> figures = new HashMap<>(nested);
            figures.remove("filters");
            body.put("figures", figures);
        }
        return body;
    }

    @Test
    void shouldTellAnyReaderWhichGenerationServesAndHowManyEventsAreNotYetCounted() {
        try (EventProducer producer = new EventProducer()) {
            producer.send(created("campaign-" + UUID.randomUUID(), "GT"));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/status", ISSUER.office("GT"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.generation").isNumber()
                .jsonPath("$.replaying").isEqualTo(false)
                .jsonPath("$.lag").isNumber());
        http.get().uri("/api/figures/status").exchange().expectStatus().isUnauthorized();
    }

    /** Holds the figure stream open with {@code token}, adding every event it sends to {@code received}. */
    private Disposable stream(String token, List<ServerSentEvent<Map<String, Object>>> received) {
        return http.mutate().responseTimeout(Duration.ofSeconds(90)).build()
                .get().uri("/api/figures/stream").headers(h -> h.setBearerAuth(token))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().subscribe(received::add);
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }
}

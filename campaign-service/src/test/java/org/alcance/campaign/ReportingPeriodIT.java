package org.alcance.campaign;

import static org.alcance.campaign.CampaignApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reporting periods through the API: submitted, approved (locked), returned and reopened, as events too. */
@IntegrationTest
class ReportingPeriodIT {

    @Autowired
    WebTestClient http;

    CampaignApi api;

    @BeforeEach
    void setQuarterlySchedule() {
        api = new CampaignApi(http);
        http.put().uri("/api/reporting-schedule").headers(h -> h.setBearerAuth(ISSUER.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("frequency", "QUARTERLY", "startsOn", "2002-01-01", "dueDays", 15))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.frequency").isEqualTo("QUARTERLY").jsonPath("$.dueDays").isEqualTo(15);
    }

    @Test
    void shouldLockAnApprovedPeriodUntilAnAdminReopensIt() {
        String campaign = api.createActive("AM");
        String update = reported(api.report("AM", campaign, CampaignApi.update("q2-first", 100, 10)));

        move("AM", "2002-Q2", "submit", ISSUER.office("AM"), Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SUBMITTED");
        move("AM", "2002-Q2", "approve", ISSUER.hq(), Map.of("comment", "Matches the field reports")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED");

        api.report("AM", campaign, CampaignApi.update("q2-late", 5, 1)).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Reporting period 2002-Q2 of office AM is approved and locked")
                .jsonPath("$.errors[0].field").isEqualTo("reportedOn")
                .jsonPath("$.errors[0].detail").value(detail -> assertThat(detail.toString())
                        .contains("2002-06-15", "2002-Q2", "2002-04-01 to 2002-06-30", "reopen"));
        correct(campaign, update, Map.of("channel", "workshop", "reason", "It was a workshop")).expectStatus().isEqualTo(409);
        http.post().uri("/api/campaigns/{c}/updates/{u}/retraction", campaign, update)
                .headers(h -> h.setBearerAuth(ISSUER.office("AM"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Counted twice")).exchange().expectStatus().isEqualTo(409);
        // a retried report that was accepted before the lock is answered as it was
        api.report("AM", campaign, CampaignApi.update("q2-first", 100, 10)).expectStatus().is2xxSuccessful();
        // moving a correction into a locked period is refused as well; the next quarter is open
        Map<String, Object> july = new HashMap<>(CampaignApi.update("q3", 7, 1));
        july.put("reportedOn", "2002-07-02");
        String q3 = reported(api.report("AM", campaign, july));
        correct(campaign, q3, Map.of("reportedOn", "2002-06-30", "reason", "Held in June")).expectStatus().isEqualTo(409);

        move("AM", "2002-Q2", "reopen", ISSUER.admin(), Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        move("AM", "2002-Q2", "reopen", ISSUER.admin(), Map.of("reason", "The Gyumri workshop was left out"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REOPENED")
                .jsonPath("$.history.length()").isEqualTo(3)
                .jsonPath("$.history[2].note").isEqualTo("The Gyumri workshop was left out")
                .jsonPath("$.history[2].by").isEqualTo("admin");
        api.report("AM", campaign, CampaignApi.update("q2-late", 5, 1)).expectStatus().isCreated();
        correct(campaign, update, Map.of("channel", "workshop", "reason", "It was a workshop")).expectStatus().isOk();

        List<CloudEvent> events = events("AM/2002-Q2", 3);
        EventCodec codec = new EventCodec();
        assertThat(events).extracting(CloudEvent::type).containsOnly(PeriodStatusChanged.TYPE);
        assertThat(events).extracting(CloudEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> ((PeriodStatusChanged) codec.fromCloudEvent(e)).status())
                .containsExactly(PeriodStatus.SUBMITTED, PeriodStatus.APPROVED, PeriodStatus.REOPENED);
    }

    @Test
    void shouldReturnASubmittedPeriodWithAComment() {
        move("AL", "2002-Q1", "submit", ISSUER.office("AL"), Map.of()).expectStatus().isOk();
        // a repeated submission changes nothing
        move("AL", "2002-Q1", "submit", ISSUER.office("AL"), Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.history.length()").isEqualTo(1);
        move("AL", "2002-Q1", "return", ISSUER.hq(), Map.of()).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("comment");
        move("AL", "2002-Q1", "return", ISSUER.hq(), Map.of("comment", "The contest entries are missing"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RETURNED");
        move("AL", "2002-Q1", "approve", ISSUER.hq(), Map.of()).expectStatus().isEqualTo(409);
        move("AL", "2002-Q1", "submit", ISSUER.office("AL"), Map.of("comment", "Entries added")).expectStatus().isOk();

        http.get().uri("/api/reporting-periods?office=AL").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].period").isEqualTo("2002-Q1")
                .jsonPath("$.items[0].status").isEqualTo("SUBMITTED")
                .jsonPath("$.items[0].history[1].note").isEqualTo("The contest entries are missing");
        // another office neither sees nor finds it
        http.get().uri("/api/reporting-periods").headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.office == 'AL')]").isEmpty();
        http.get().uri("/api/reporting-periods/AL/2002-Q1").headers(h -> h.setBearerAuth(ISSUER.office("TN")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldLetEachRoleDoOnlyItsOwnStep() {
        move("TN", "2002-Q3", "submit", ISSUER.hq(), Map.of()).expectStatus().isForbidden();
        move("TN", "2002-Q3", "submit", ISSUER.office("KZ"), Map.of()).expectStatus().isNotFound();
        move("TN", "2002-Q3", "submit", ISSUER.office("TN"), Map.of()).expectStatus().isOk();
        move("TN", "2002-Q3", "approve", ISSUER.office("TN"), Map.of()).expectStatus().isForbidden();
        move("TN", "2002-Q3", "reopen", ISSUER.hq(), Map.of("reason", "x")).expectStatus().isForbidden();
        move("TN", "2002-Q3", "reopen", ISSUER.admin(), Map.of("reason", "x")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("SUBMITTED"));
        http.put().uri("/api/reporting-schedule").headers(h -> h.setBearerAuth(ISSUER.hq()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("frequency", "MONTHLY", "startsOn", "2002-01-01"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void shouldNameWhatIsWrongWithASchedulesOrAPeriodsName() {
        http.put().uri("/api/reporting-schedule").headers(h -> h.setBearerAuth(ISSUER.admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("frequency", "WEEKLY", "startsOn", "2002-01-01", "dueDays", 400))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder("frequency", "dueDays"));
        http.put().uri("/api/reporting-schedule").headers(h -> h.setBearerAuth(ISSUER.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("frequency", "QUARTERLY", "startsOn", "2002-02-01"))
                .exchange().expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("startsOn")
                .jsonPath("$.errors[0].detail").value(d -> assertThat(d.toString()).contains("2002-01-01"));
        // periods were submitted as quarters, so the frequency stays
        move("HN", "2002-Q4", "submit", ISSUER.office("HN"), Map.of()).expectStatus().isOk();
        http.put().uri("/api/reporting-schedule").headers(h -> h.setBearerAuth(ISSUER.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("frequency", "MONTHLY", "startsOn", "2002-01-01"))
                .exchange().expectStatus().isEqualTo(409);

        move("HN", "2002-06", "submit", ISSUER.office("HN"), Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        move("HN", "2001-Q4", "submit", ISSUER.office("HN"), Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].detail").value(d -> assertThat(d.toString()).contains("2002-01-01"));
        String thisQuarter = LocalDate.now().getYear() + "-Q" + ((LocalDate.now().getMonthValue() + 2) / 3);
        move("HN", thisQuarter, "submit", ISSUER.office("HN"), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("once it has ended"));
    }

    private WebTestClient.ResponseSpec move(String office, String period, String action, String token,
            Map<String, Object> body) {
        return http.post().uri("/api/reporting-periods/{o}/{p}/{a}", office, period, action)
                .headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec correct(String campaign, String update, Map<String, Object> body) {
        return http.post().uri("/api/campaigns/{c}/updates/{u}/correction", campaign, update)
                .headers(h -> h.setBearerAuth(ISSUER.office("AM"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static String reported(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")
                .toString();
    }

    private static List<CloudEvent> events(String key, int count) {
        return TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                        read -> read.stream().filter(r -> key.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key()))
                .map(r -> CloudEvent.fromHeaders(name -> header(r, name), r.value())).toList();
    }

    private static byte[] header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }
}

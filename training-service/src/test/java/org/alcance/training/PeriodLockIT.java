package org.alcance.training;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.Topics;
import org.alcance.events.period.PeriodStatus;
import org.alcance.events.period.PeriodStatusChanged;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An approved reporting period, as campaign-service publishes it on the campaign topic, locks the sessions,
 * attendance and completions dated inside it, until it is reopened.
 */
@IntegrationTest
class PeriodLockIT {

    private static final String OFFICE = "HN"; // no other test of this service trains for Honduras

    @Autowired
    WebTestClient http;

    TrainingApi api;

    @BeforeEach
    void setUp() {
        api = new TrainingApi(http);
    }

    @Test
    void shouldRefuseWhatIsDatedInAnApprovedPeriodUntilItIsReopened() throws Exception {
        String course = api.createStarted(OFFICE, 10);
        String participant = api.enrolled(OFFICE, course);
        String session = api.addSession(OFFICE, course, "2002-10-08");
        Map<String, Object> present = Map.of("records", List.of(Map.of("participantId", participant, "status", "PRESENT")));

        publish(PeriodStatus.SUBMITTED, 1, null);
        publish(PeriodStatus.APPROVED, 2, "Checked against the sign-in sheets");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> session(course, "2002-10-09")
                .expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("date")
                .jsonPath("$.detail").isEqualTo("Reporting period 2002-Q4 of office HN is approved and locked"));
        api.attendance(OFFICE, course, session, present).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sessionId");
        api.act(OFFICE, course, "complete").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("endDate");

        // reopened; the approval delivered again afterwards is older and changes nothing
        publish(PeriodStatus.REOPENED, 3, "The last session's sheet came late");
        publish(PeriodStatus.APPROVED, 2, "Checked against the sign-in sheets");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> session(course, "2002-10-09")
                .expectStatus().isCreated());
        api.attendance(OFFICE, course, session, present).expectStatus().isOk();
        api.act(OFFICE, course, "complete").expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec session(String course, String date) {
        return http.post().uri("/api/courses/{id}/sessions", course)
                .headers(h -> {
                    h.setBearerAuth(TrainingApi.ISSUER.office(OFFICE));
                    h.set("Idempotency-Key", UUID.randomUUID().toString());
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("date", date, "title", "Case studies", "durationMinutes", 120)).exchange();
    }

    /** The period's step as campaign-service publishes it: on the campaign topic, keyed and numbered by the period. */
    private static void publish(PeriodStatus status, long sequence, String note) throws Exception {
        PeriodStatusChanged event = new PeriodStatusChanged(OFFICE, "2002-Q4", LocalDate.of(2002, 10, 1),
                LocalDate.of(2002, 12, 31), status, Instant.now(), status == PeriodStatus.SUBMITTED ? "hn" : "hq", note);
        CloudEvent cloudEvent = new EventCodec().toCloudEvent(event, UUID.randomUUID().toString(),
                "/alcance/campaign-service", Instant.now(), sequence);
        RecordHeaders headers = new RecordHeaders();
        cloudEvent.headers().forEach(headers::add);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, null, event.aggregateId(), cloudEvent.data(),
                    headers)).get();
        }
    }
}

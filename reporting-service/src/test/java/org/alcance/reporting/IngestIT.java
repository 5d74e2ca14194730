package org.alcance.reporting;

import static org.alcance.reporting.Events.attended;
import static org.alcance.reporting.Events.completedCourse;
import static org.alcance.reporting.Events.corrected;
import static org.alcance.reporting.Events.created;
import static org.alcance.reporting.Events.enrolled;
import static org.alcance.reporting.Events.launched;
import static org.alcance.reporting.Events.reported;
import static org.alcance.reporting.Events.retracted;
import static org.alcance.reporting.Events.revised;
import static org.alcance.reporting.Events.scheduled;
import static org.alcance.reporting.Events.session;
import static org.alcance.reporting.Events.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.alcance.events.CloudEvent;
import org.alcance.events.DomainEvent;
import org.alcance.events.Sex;
import org.alcance.events.Topics;
import org.alcance.events.campaign.CampaignEvent;
import org.alcance.events.campaign.ProgressEvent;
import org.alcance.events.training.AttendanceStatus;
import org.alcance.events.training.EnrolmentStatus;
import org.alcance.events.training.OrganisationType;
import org.alcance.reporting.generation.Generations;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TestInfrastructure;
import org.alcance.local.Issuer;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;
import io.micrometer.core.instrument.MeterRegistry;

@IntegrationTest
class IngestIT {

    private static final Issuer ISSUER = TestInfrastructure.get().issuer();
    private static final String DEAD_LETTERS = "alcance.reporting.dlt.v1";

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Generations generations;

    /** A campaign whose first update is corrected and whose third one is retracted. */
    private static List<CampaignEvent> campaignHistory(String id, String theme) {
        return List.of(created(id, "GT", theme), launched(id, "GT"),
                reported(id, "GT", "u1", "2002-06-15", "poster", 1_200, 0),
                reported(id, "GT", "u2", "2002-06-16", "workshop", 0, 40),
                reported(id, "GT", "u3", "2002-07-02", "poster", 800, 10),
                corrected(id, "GT", "u1", 2, "2002-06-15", "poster", 1_000, 0),
                retracted(id, "GT", "u3"),
                reported(id, "GT", "u4", "2002-07-20", "radio", 5_000, 0));
    }

    /** The figures of {@link #campaignHistory}. */
    private void assertFiguresOfTheCampaignHistory(String id) {
        get("/api/figures/campaigns/" + id, ISSUER.office("GT"))
                .jsonPath("$.office").isEqualTo("GT")
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.reached").isEqualTo(6_040)
                .jsonPath("$.audiences[0].audience").isEqualTo("children")
                .jsonPath("$.audiences[0].target").isEqualTo(300_000)
                .jsonPath("$.audiences[0].reached").isEqualTo(6_000)
                .jsonPath("$.audiences[0].percentAchieved").isEqualTo(2.0)
                .jsonPath("$.audiences[1].audience").isEqualTo("teachers")
                .jsonPath("$.audiences[1].reached").isEqualTo(40)
                .jsonPath("$.audiences[1].percentAchieved").isEqualTo(1.2)
                .jsonPath("$.audiences[1].bySex.FEMALE").isEqualTo(20)
                .jsonPath("$.bySex.MALE").isEqualTo(20)
                .jsonPath("$.byAgeGroup.AGE_25_34").isEqualTo(40)
                .jsonPath("$.monthly[0].month").isEqualTo("2002-06")
                .jsonPath("$.monthly[0].people").isEqualTo(1_040)
                .jsonPath("$.monthly[1].people").isEqualTo(5_000)
                .jsonPath("$.byChannel.poster").isEqualTo(1_000)
                .jsonPath("$.materials.posters").isEqualTo(600)
                .jsonPath("$.updatesCounted").isEqualTo(3)
                .jsonPath("$.updatesRetracted").isEqualTo(1)
                .jsonPath("$.asOf").isNotEmpty();
    }

    @Test
    void shouldApplyInterleavedAggregatesExactlyOnceWhenEveryRecordArrivesTwiceWithCorrectionsAndRetractions() {
        String theme = "theme-" + UUID.randomUUID();
        String a = "campaign-" + UUID.randomUUID();
        String b = "campaign-" + UUID.randomUUID();
        String c = "course-" + UUID.randomUUID();
        String old = "campaign-" + UUID.randomUUID();
        List<CampaignEvent> campaignA = campaignHistory(a, theme);
        List<DomainEvent> campaignB = List.of(created(b, "HN", theme), launched(b, "HN"),
                reported(b, "HN", "v1", "2002-06-20", "radio", 300, 20));
        List<DomainEvent> course = List.of(scheduled(c, "GT", theme),
                enrolled(c, "GT", "p1", Sex.FEMALE, OrganisationType.BORDER_GUARD, EnrolmentStatus.ENROLLED),
                enrolled(c, "GT", "p2", Sex.MALE, OrganisationType.NGO, EnrolmentStatus.ENROLLED),
                enrolled(c, "GT", "p3", Sex.FEMALE, OrganisationType.NGO, EnrolmentStatus.WAITLISTED),
                started(c, "GT"), session(c, "GT", "s1"),
                attended(c, "GT", "s1", "p1", AttendanceStatus.PRESENT),
                attended(c, "GT", "s1", "p2", AttendanceStatus.LATE),
                completedCourse(c, "GT", "p1"));
        double duplicatesBefore = meters.get("alcance.reporting.events.duplicates").counter().count();

        List<EventProducer.Sent> sent = new ArrayList<>();
        try (EventProducer producer = new EventProducer()) {
            for (int i = 0; i < 9; i++) {
                for (List<? extends DomainEvent> stream : List.of(campaignA, campaignB, course)) {
                    if (i < stream.size()) {
                        EventProducer.Sent record = producer.send(stream.get(i));
                        producer.sendAgain(record);
                        sent.add(record);
                    }
                }
            }
            sent.subList(0, 6).forEach(producer::sendAgain); // old records again, after newer ones
            // the same history on a topic written before progress events took their update as their subject
            for (CampaignEvent event : campaignHistory(old, "theme-" + UUID.randomUUID())) {
                EventProducer.Sent record = event instanceof ProgressEvent progress ? producer.sendV1(progress)
                        : producer.send(event);
                producer.sendAgain(record);
                sent.add(record);
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertFiguresOfTheCampaignHistory(a));
        get("/api/figures/campaigns/" + a, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertFiguresOfTheCampaignHistory(old));
        get("/api/figures/campaigns/" + old, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(8);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/courses/" + c, ISSUER.hq())
                .jsonPath("$.sequence").isEqualTo(9));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/campaigns/" + b, ISSUER.hq())
                .jsonPath("$.updatesCounted").isEqualTo(1));

        get("/api/figures/courses/" + c, ISSUER.office("GT"))
                .jsonPath("$.status").isEqualTo("IN_PROGRESS")
                .jsonPath("$.enrolled").isEqualTo(2)
                .jsonPath("$.waitlisted").isEqualTo(1)
                .jsonPath("$.attendedSessions").isEqualTo(2)
                .jsonPath("$.completed").isEqualTo(1)
                .jsonPath("$.completionRate").isEqualTo(0.5)
                .jsonPath("$.sessionsHeld").isEqualTo(1);
        get("/api/figures/overview?theme=" + theme, ISSUER.hq())
                .jsonPath("$.campaigns.total").isEqualTo(2)
                .jsonPath("$.campaigns.byStatus.ACTIVE").isEqualTo(2)
                .jsonPath("$.reach.total").isEqualTo(6_360)
                .jsonPath("$.reach.byOffice.GT").isEqualTo(6_040)
                .jsonPath("$.reach.byOffice.HN").isEqualTo(320)
                .jsonPath("$.reach.byAudience.children").isEqualTo(6_300)
                .jsonPath("$.reach.byAudience.teachers").isEqualTo(60)
                .jsonPath("$.reach.byTheme['" + theme + "']").isEqualTo(6_360)
                .jsonPath("$.reach.byMonth['2002-06']").isEqualTo(1_360)
                .jsonPath("$.reach.byMonth['2002-07']").isEqualTo(5_000)
                .jsonPath("$.reach.byChannel.radio").isEqualTo(5_320)
                .jsonPath("$.targets[0].audience").isEqualTo("children")
                .jsonPath("$.targets[0].target").isEqualTo(600_000)
                .jsonPath("$.targets[0].reached").isEqualTo(6_300)
                .jsonPath("$.targets[0].percentAchieved").isEqualTo(1.1)
                .jsonPath("$.targets[1].target").isEqualTo(6_900)
                .jsonPath("$.targets[1].percentAchieved").isEqualTo(0.9)
                .jsonPath("$.materials.posters").isEqualTo(630)
                .jsonPath("$.courses.total").isEqualTo(1)
                .jsonPath("$.courses.byStatus.IN_PROGRESS").isEqualTo(1)
                .jsonPath("$.participants.enrolled").isEqualTo(2)
                .jsonPath("$.participants.waitlisted").isEqualTo(1)
                .jsonPath("$.participants.attended").isEqualTo(2)
                .jsonPath("$.participants.completed").isEqualTo(1)
                .jsonPath("$.participants.byOffice.GT.completed").isEqualTo(1)
                .jsonPath("$.participants.bySex.FEMALE.enrolled").isEqualTo(1)
                .jsonPath("$.participants.bySex.MALE.attended").isEqualTo(1)
                .jsonPath("$.participants.byOrganisationType.NGO.enrolled").isEqualTo(1)
                .jsonPath("$.asOf").isNotEmpty();
        get("/api/figures/overview?theme=" + theme + "&from=2002-07", ISSUER.hq())
                .jsonPath("$.reach.total").isEqualTo(5_000)
                .jsonPath("$.materials.posters").isEqualTo(500);
        get("/api/figures/overview?theme=" + theme + "&from=2002-06-16&to=2002-06-20", ISSUER.hq())
                .jsonPath("$.reach.total").isEqualTo(360)
                .jsonPath("$.reach.byAudience.teachers").isEqualTo(60);
        assertThat(meters.get("alcance.reporting.events.duplicates").counter().count() - duplicatesBefore)
                .isGreaterThanOrEqualTo(sent.size() + 6);
    }

    /**
     * A crash between the two writes of a change (the campaign's, which counts it, and the update's own
     * document) leaves the update only in its campaign's journal: it is counted there, in every figure, and once,
     * whatever comes again.
     */
    @Test
    void shouldCountAnUpdateOnceThatACrashLeftOnlyInItsCampaignsJournal() {
        String theme = "theme-" + UUID.randomUUID();
        String id = "campaign-" + UUID.randomUUID();
        String campaigns = Generations.campaigns(generations.active());
        String updates = Generations.updates(generations.active());
        List<EventProducer.Sent> sent = new ArrayList<>();
        try (EventProducer producer = new EventProducer()) {
            campaignHistory(id, theme).forEach(event -> sent.add(producer.send(event)));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertFiguresOfTheCampaignHistory(id));
            await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Document.class, campaigns).block()
                    .get("journal") == null);

            // as a crash right after the campaign's write leaves it: u4 in the journal, its own document not written
            Document u4 = mongo.findAndRemove(Query.query(Criteria.where("_id").is(id + "/u4")), Document.class, updates)
                    .block();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("journal.u4", u4),
                    campaigns).block();
            get("/api/figures/overview?theme=" + theme + "&from=2002-07", ISSUER.hq())
                    .jsonPath("$.reach.total").isEqualTo(5_000);

            producer.sendAgain(sent.get(sent.size() - 1)); // the report of u4 again: counted already
            producer.send(corrected(id, "GT", "u4", 2, "2002-07-21", "radio", 4_000, 0));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/campaigns/" + id,
                    ISSUER.hq()).jsonPath("$.reached").isEqualTo(5_040).jsonPath("$.updatesCounted").isEqualTo(3));
        }
        get("/api/figures/overview?theme=" + theme + "&from=2002-07", ISSUER.hq())
                .jsonPath("$.reach.total").isEqualTo(4_000);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mongo.findById(id, Document.class, campaigns).block().get("journal")).isNull();
            assertThat(mongo.findById(id + "/u4", Document.class, updates).block()).containsEntry("revision", 2)
                    .containsEntry("version", 2L);
        });
    }

    @Test
    void shouldDeadLetterPoisonRecordsWithTheErrorInHeadersAndApplyTheRest() {
        String id = "campaign-" + UUID.randomUUID();
        Map<String, String> expected = new LinkedHashMap<>();
        try (EventProducer producer = new EventProducer()) {
            producer.send(created(id, "GT"));

            CloudEvent malformed = producer.envelope(launched(id, "GT"));
            producer.send(Topics.CAMPAIGN_EVENTS, id, malformed.headers(), EventProducer.utf8("{\"campaignId\": "));
            expected.put(malformed.id(), "org.alcance.events.InvalidEventException");

            CloudEvent unknown = producer.envelope(launched(id, "GT"));
            Map<String, byte[]> unknownHeaders = new LinkedHashMap<>(unknown.headers());
            unknownHeaders.put(CloudEvent.HEADER_TYPE, EventProducer.utf8("org.alcance.campaign.campaign-renamed.v9"));
            producer.send(Topics.CAMPAIGN_EVENTS, id, unknownHeaders, unknown.data());
            expected.put(unknown.id(), "org.alcance.events.UnknownEventTypeException");

            CloudEvent headless = producer.envelope(launched(id, "GT"));
            Map<String, byte[]> missingTime = new LinkedHashMap<>(headless.headers());
            missingTime.remove(CloudEvent.HEADER_TIME);
            producer.send(Topics.CAMPAIGN_EVENTS, id, missingTime, headless.data());
            expected.put(headless.id(), "org.alcance.events.InvalidEventException");

            // valid on the wire, but it moves the campaign to another office: applying it throws every time
            CloudEvent foreign = producer.envelope(launched(id, "HN"));
            producer.send(Topics.CAMPAIGN_EVENTS, id, foreign.headers(), foreign.data());
            expected.put(foreign.id(), "org.alcance.reporting.projection.ProjectionException");

            producer.send(reported(id, "GT", "u1", "2002-06-15", "poster", 700, 0));
            producer.send(revised(id, "GT", 310_000)); // past the gap the dead letters left in the campaign's sequence
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/campaigns/" + id, ISSUER.hq())
                .jsonPath("$.sequence").isEqualTo(6)
                .jsonPath("$.reached").isEqualTo(700)
                .jsonPath("$.status").isEqualTo("DRAFT"));
        List<ConsumerRecord<String, byte[]>> deadLetters = TopicRecords.readUntil(DEAD_LETTERS,
                read -> ceIds(read, id).keySet().containsAll(expected.keySet()), Duration.ofSeconds(60));
        Map<String, ConsumerRecord<String, byte[]>> byEventId = ceIds(deadLetters, id);
        expected.forEach((eventId, exception) -> {
            ConsumerRecord<String, byte[]> record = byEventId.get(eventId);
            assertThat(header(record, "kafka_dlt-exception-fqcn") + " " + header(record, "kafka_dlt-exception-cause-fqcn"))
                    .as("exception of %s", eventId).contains(exception);
            assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.CAMPAIGN_EVENTS);
            assertThat(record.key()).isEqualTo(id);
        });
        assertThat(meters.get("alcance.reporting.events.deadlettered").counters().stream()
                .mapToDouble(counter -> counter.count()).sum()).isGreaterThanOrEqualTo(4);
        assertThat(meters.get("alcance.reporting.events.gaps").counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldApplyAPollOfSeveralAggregatesExactlyOnceAroundRedeliveriesAndPoisonRecordsInTheMiddle() {
        String theme = "theme-" + UUID.randomUUID();
        String course = "course-" + UUID.randomUUID();
        Map<String, Long> appliedBefore = applied();
        double duplicatesBefore = meters.get("alcance.reporting.events.duplicates").counter().count();
        double gapsBefore = meters.get("alcance.reporting.events.gaps").counter().count();
        try (EventProducer producer = new EventProducer()) {
            List<String> campaigns = campaignsOnOnePartition(producer, 3); // so that one poll brings all their records
            String a = campaigns.get(0);
            String b = campaigns.get(1);
            String c = campaigns.get(2);
            EventProducer.Sent aCreated = producer.record(created(a, "GT", theme));
            EventProducer.Sent bCreated = producer.record(created(b, "HN", theme));
            EventProducer.Sent aLaunched = producer.record(launched(a, "GT"));
            EventProducer.Sent bLaunched = producer.record(launched(b, "HN"));
            EventProducer.Sent cCreated = producer.record(created(c, "GT", theme));
            // each campaign's update loses its report (malformed, or of another office): its correction comes past
            // a gap in the update's revisions
            CloudEvent malformed = producer.envelope(reported(a, "GT", "u1", "2002-06-10", "poster", 99, 0));
            EventProducer.Sent poison = new EventProducer.Sent(Topics.CAMPAIGN_EVENTS, a, malformed.headers(),
                    EventProducer.utf8("{\"campaignId\": "));
            EventProducer.Sent aReported = producer.record(corrected(a, "GT", "u1", 2, "2002-06-15", "poster", 1_200,
                    0));
            CloudEvent foreign = producer.envelope(reported(b, "GT", "v1", "2002-06-16", "radio", 77, 0));
            EventProducer.Sent bForeign = new EventProducer.Sent(Topics.CAMPAIGN_EVENTS, b, foreign.headers(),
                    foreign.data());
            EventProducer.Sent bReported = producer.record(corrected(b, "HN", "v1", 2, "2002-06-20", "radio", 300,
                    20));
            EventProducer.Sent cLaunched = producer.record(launched(c, "GT"));
            EventProducer.Sent scheduled = producer.record(scheduled(course, "GT", theme));
            EventProducer.Sent enrolled = producer.record(enrolled(course, "GT", "p1", Sex.FEMALE, OrganisationType.NGO,
                    EnrolmentStatus.ENROLLED));
            List<EventProducer.Sent> valid = List.of(aCreated, bCreated, aLaunched, bLaunched, cCreated, aReported,
                    bReported, cLaunched, scheduled, enrolled);

            producer.sendTogether(List.of(aCreated, bCreated, aLaunched, aLaunched, bLaunched, cCreated, poison,
                    aReported, bCreated, bForeign, bReported, aReported, cLaunched, aCreated, scheduled, enrolled,
                    enrolled, scheduled));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                get("/api/figures/campaigns/" + a, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(2)
                        .jsonPath("$.updatesCounted").isEqualTo(1);
                get("/api/figures/campaigns/" + b, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(2)
                        .jsonPath("$.updatesCounted").isEqualTo(1);
            });
            producer.sendTogether(valid); // the whole poll delivered again

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    meters.get("alcance.reporting.events.duplicates").counter().count() - duplicatesBefore)
                    .isGreaterThanOrEqualTo(6 + valid.size()));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                get("/api/figures/campaigns/" + c, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(2)
                        .jsonPath("$.status").isEqualTo("ACTIVE");
                get("/api/figures/courses/" + course, ISSUER.hq()).jsonPath("$.sequence").isEqualTo(2)
                        .jsonPath("$.enrolled").isEqualTo(1);
            });
            get("/api/figures/campaigns/" + a, ISSUER.hq()).jsonPath("$.reached").isEqualTo(1_200)
                    .jsonPath("$.updatesCounted").isEqualTo(1).jsonPath("$.status").isEqualTo("ACTIVE");
            get("/api/figures/campaigns/" + b, ISSUER.hq()).jsonPath("$.reached").isEqualTo(320)
                    .jsonPath("$.updatesCounted").isEqualTo(1).jsonPath("$.office").isEqualTo("HN");
            get("/api/figures/overview?theme=" + theme, ISSUER.hq())
                    .jsonPath("$.campaigns.total").isEqualTo(3)
                    .jsonPath("$.reach.total").isEqualTo(1_520)
                    .jsonPath("$.participants.enrolled").isEqualTo(1);

            Map<String, Long> appliedNow = applied();
            assertThat(Map.of("campaign-created", 3L, "campaign-launched", 3L, "progress-corrected", 2L,
                    "course-scheduled", 1L, "participant-enrolled", 1L)).allSatisfy((type, count) -> assertThat(
                            appliedNow.getOrDefault(type, 0L) - appliedBefore.getOrDefault(type, 0L)).as(type)
                            .isEqualTo(count));
            assertThat(meters.get("alcance.reporting.events.gaps").counter().count() - gapsBefore).isEqualTo(2);
            Map<String, Long> deadLettered = TopicRecords.readUntil(DEAD_LETTERS,
                    read -> ceIds(read, a).containsKey(malformed.id()) && ceIds(read, b).containsKey(foreign.id()),
                    Duration.ofSeconds(60)).stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(header(r, CloudEvent.HEADER_ID)),
                            Collectors.counting()));
            assertThat(deadLettered).containsEntry(malformed.id(), 1L).containsEntry(foreign.id(), 1L);
        }
    }

    /** Events applied so far by type, without the type's prefix and version. */
    private Map<String, Long> applied() {
        return meters.find("alcance.reporting.events.applied").counters().stream().collect(Collectors.toMap(
                counter -> counter.getId().getTag("type").replaceAll("^org\\.alcance\\.\\w+\\.|\\.v\\d+$", ""),
                counter -> (long) counter.count(), Long::sum));
    }

    private static List<String> campaignsOnOnePartition(EventProducer producer, int count) {
        List<String> ids = new ArrayList<>(List.of("campaign-" + UUID.randomUUID()));
        int partition = producer.partitionOf(Topics.CAMPAIGN_EVENTS, ids.get(0));
        while (ids.size() < count) {
            String id = "campaign-" + UUID.randomUUID();
            if (producer.partitionOf(Topics.CAMPAIGN_EVENTS, id) == partition) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Test
    void shouldExposeIngestMetricsAndConsumerLagToPrometheus() {
        try (EventProducer producer = new EventProducer()) {
            String id = "campaign-" + UUID.randomUUID();
            producer.send(created(id, "GT"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> get("/api/figures/campaigns/" + id,
                    ISSUER.hq()).jsonPath("$.sequence").isEqualTo(1));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .contains("alcance_reporting_events_applied_total{", "type=\"org.alcance.campaign.campaign-created.v1\"",
                        "alcance_reporting_events_duplicates_total", "alcance_reporting_events_gaps_total",
                        "alcance_reporting_replay_progress", "kafka_consumer_fetch_manager_records_lag_max"));
    }

    private WebTestClient.BodyContentSpec get(String uri, String token) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk().expectBody();
    }

    private static Map<String, ConsumerRecord<String, byte[]>> ceIds(List<ConsumerRecord<String, byte[]>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key()) && header(r, CloudEvent.HEADER_ID) != null)
                .collect(Collectors.toMap(r -> header(r, CloudEvent.HEADER_ID), r -> r, (first, again) -> first));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.alcance.campaign;

import static org.alcance.campaign.CampaignApi.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.alcance.events.CloudEvent;
import org.alcance.events.EventCodec;
import org.alcance.events.GoldenSamples;
import org.alcance.events.Topics;
import org.alcance.events.campaign.CampaignCreated;
import org.alcance.events.campaign.CampaignRevised;
import org.alcance.events.campaign.ProgressCorrected;
import org.alcance.events.campaign.ProgressReported;
import org.alcance.events.campaign.ProgressRetracted;
import org.alcance.test.IntegrationTest;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class EventPublicationIT {

    private final EventCodec codec = new EventCodec();

    @Autowired
    WebTestClient http;

    @Test
    void shouldPublishEveryChangeOnceInSequenceAsCloudEventsMatchingTheGoldenSamples() {
        CampaignApi api = new CampaignApi(http);
        String campaign = api.create("GT", CampaignApi.campaign("Published " + java.util.UUID.randomUUID()));
        http.patch().uri("/api/campaigns/{id}", campaign).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("audiences", List.of(Map.of("audience", "children", "target", 300_000,
                                "milestones", List.of(Map.of("by", "2002-12", "target", 120_000))),
                        Map.of("audience", "teachers", "target", 3_450)), "reason", "More schools"))
                .exchange().expectStatus().isOk();
        act(campaign, "launch");
        String first = id(api.report("GT", campaign, CampaignApi.update("p1", 1_000, 30)));
        String second = id(api.report("GT", campaign, CampaignApi.update("p2", 400, 12)));
        post(campaign, first, "correction", Map.of("reason", "Recount", "reach",
                List.of(Map.of("audience", "children", "people", 950))));
        post(campaign, second, "retraction", Map.of("reason", "Duplicate of p1"));
        act(campaign, "complete");

        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                read -> read.stream().filter(r -> campaign.equals(r.key())).count() >= 8, Duration.ofSeconds(30));
        List<CloudEvent> events = records.stream().filter(r -> campaign.equals(r.key()))
                .map(r -> CloudEvent.fromHeaders(name -> header(r, name), r.value())).toList();

        // the campaign's own events in the campaign's sequence; each update's in its revisions, under its own subject
        Map<String, List<CloudEvent>> bySubject = events.stream().collect(Collectors.groupingBy(CloudEvent::subject));
        assertThat(bySubject).containsOnlyKeys(campaign, first, second);
        assertThat(bySubject.get(campaign)).extracting(CloudEvent::type, CloudEvent::sequence).containsExactly(
                tuple("org.alcance.campaign.campaign-created.v1", 1L), tuple("org.alcance.campaign.campaign-revised.v1", 2L),
                tuple("org.alcance.campaign.campaign-launched.v1", 3L), tuple("org.alcance.campaign.campaign-completed.v1", 4L));
        assertThat(bySubject.get(first)).extracting(CloudEvent::type, CloudEvent::sequence).containsExactly(
                tuple(ProgressReported.TYPE, 1L), tuple(ProgressCorrected.TYPE, 2L));
        assertThat(bySubject.get(second)).extracting(CloudEvent::type, CloudEvent::sequence).containsExactly(
                tuple(ProgressReported.TYPE, 1L), tuple(ProgressRetracted.TYPE, 2L));
        assertThat(events).extracting(CloudEvent::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("/alcance/campaign-service");
            assertThat(shape(codec.mapper().readTree(event.data())))
                    .as("fields of %s against its golden sample", event.type())
                    .isEqualTo(shape(codec.mapper().readTree(GoldenSamples.bytes(event.type()))));
        });

        assertThat(((CampaignRevised) codec.fromCloudEvent(bySubject.get(campaign).get(1))).audiences().get(0).target())
                .isEqualTo(300_000);
        ProgressReported reported = (ProgressReported) codec.fromCloudEvent(bySubject.get(first).get(0));
        assertThat(reported.updateId()).isEqualTo(first);
        assertThat(reported.office()).isEqualTo("GT");
        assertThat(reported.reach().get(1).bySex()).containsValues(15L, 15L);
        ProgressCorrected corrected = (ProgressCorrected) codec.fromCloudEvent(bySubject.get(first).get(1));
        assertThat(corrected.revision()).isEqualTo(2);
        assertThat(corrected.reach()).singleElement().satisfies(reach -> assertThat(reach.people()).isEqualTo(950));
    }

    @Test
    void shouldKeepAndPublishWhetherACampaignIsIllustrativeAndRefuseAFlagThatIsNotTrueOrFalse() {
        CampaignApi api = new CampaignApi(http);
        Map<String, Object> sample = new java.util.HashMap<>(CampaignApi.campaign("Sample " + java.util.UUID.randomUUID()));
        sample.put("illustrative", true);
        String illustrative = api.create("GT", sample);
        String real = api.create("GT", CampaignApi.campaign("Real " + java.util.UUID.randomUUID()));

        http.get().uri("/api/campaigns/{id}", illustrative).headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.illustrative").isEqualTo(true);
        http.get().uri("/api/campaigns/{id}", real).headers(h -> h.setBearerAuth(ISSUER.office("GT"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.illustrative").isEqualTo(false);
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                read -> read.stream().filter(r -> Set.of(illustrative, real).contains(r.key())).count() >= 2,
                Duration.ofSeconds(30));
        Map<String, Boolean> published = records.stream().filter(r -> Set.of(illustrative, real).contains(r.key()))
                .map(r -> (CampaignCreated) codec.fromCloudEvent(CloudEvent.fromHeaders(name -> header(r, name), r.value())))
                .collect(Collectors.toMap(CampaignCreated::campaignId, CampaignCreated::illustrative));
        assertThat(published).containsExactlyInAnyOrderEntriesOf(Map.of(illustrative, true, real, false));

        sample.put("illustrative", "yes");
        http.post().uri("/api/campaigns").headers(h -> h.setBearerAuth(ISSUER.office("GT"))).bodyValue(sample).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("illustrative");
    }

    /** Field names, recursively through records, lists of records and the place; not through maps of counts. */
    private static Set<String> shape(JsonNode node) {
        Set<String> fields = new TreeSet<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            fields.add(field.getKey());
            JsonNode value = field.getValue();
            JsonNode element = value.isArray() && !value.isEmpty() ? value.get(0) : value;
            if (element.isObject() && !Set.of("materials", "bySex", "byAgeGroup").contains(field.getKey())) {
                shape(element).forEach(nested -> fields.add(field.getKey() + "." + nested));
            }
        }
        return fields;
    }

    @Test
    void shouldRelayEveryEventOnceInOrderWhenManyCampaignsAreWrittenAtOnce() throws Exception {
        CampaignApi api = new CampaignApi(http);
        List<String> campaigns = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            campaigns.add(api.createActive("GT"));
        }
        int updates = 8;
        ExecutorService writers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (String campaign : campaigns) {
                // each campaign's updates one after another, the campaigns side by side: relay rounds hold many
                posts.add(writers.submit(() -> {
                    for (int n = 0; n < updates; n++) {
                        api.report("GT", campaign, CampaignApi.update("many-" + n, 10, 2)).expectStatus().isCreated();
                    }
                }));
            }
            for (Future<?> post : posts) {
                post.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        int expected = 2 + updates;
        Map<String, List<CloudEvent>> byCampaign = TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                        records -> records.stream().filter(r -> campaigns.contains(r.key())).count() >= campaigns.size() * expected,
                        Duration.ofSeconds(60)).stream()
                .filter(r -> campaigns.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                        r -> CloudEvent.fromHeaders(name -> header(r, name), r.value()), Collectors.toList())));
        for (String campaign : campaigns) {
            Map<String, List<Long>> sequences = byCampaign.get(campaign).stream().collect(Collectors.groupingBy(
                    CloudEvent::subject, Collectors.mapping(CloudEvent::sequence, Collectors.toList())));
            assertThat(sequences).hasSize(1 + updates).containsEntry(campaign, List.of(1L, 2L));
            assertThat(sequences).allSatisfy((subject, numbers) -> assertThat(numbers).containsExactly(
                    subject.equals(campaign) ? new Long[] {1L, 2L} : new Long[] {1L}));
            // and each update stored once
            assertThat(http.get().uri("/api/campaigns/{id}/updates", campaign).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("items")).hasSize(updates);
        }
    }

    private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private String id(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private void act(String campaign, String action) {
        http.post().uri("/api/campaigns/{id}/{a}", campaign, action).headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .exchange().expectStatus().isOk();
    }

    private void post(String campaign, String update, String action, Map<String, Object> body) {
        http.post().uri("/api/campaigns/{c}/updates/{u}/{a}", campaign, update, action)
                .headers(h -> h.setBearerAuth(ISSUER.office("GT")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk();
    }
}

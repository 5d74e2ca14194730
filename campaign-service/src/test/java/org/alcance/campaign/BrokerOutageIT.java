package org.alcance.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.alcance.events.CloudEvent;
import org.alcance.events.Topics;
import org.alcance.test.IntegrationTest;
import org.alcance.test.Prometheus;
import org.alcance.test.TestInfrastructure;
import org.alcance.test.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class BrokerOutageIT {

    private static final int UPDATES_PER_CAMPAIGN = 15;

    @Autowired
    WebTestClient http;

    @Test
    void shouldAcceptWritesWhileTheBrokerIsDownAndPublishEachEventOnceInOrderWhenItReturns() {
        CampaignApi api = new CampaignApi(http);
        List<String> campaigns = List.of(api.createActive("GT"), api.createActive("GT"));
        TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS, eventsOf(campaigns, 2 * 2), Duration.ofSeconds(30));

        TestInfrastructure.Broker broker = TestInfrastructure.get().kafka();
        broker.stop();
        try {
            for (int i = 0; i < UPDATES_PER_CAMPAIGN; i++) {
                for (String campaign : campaigns) {
                    api.report("GT", campaign, CampaignApi.update("outage-" + i, 10 + i, 2)).expectStatus().isCreated();
                }
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Prometheus.sum(http, "alcance_outbox_backlog"))
                    .isEqualTo(2.0 * UPDATES_PER_CAMPAIGN));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Prometheus.sum(http, "alcance_outbox_relay_failures_total")).isPositive());
        } finally {
            broker.start();
        }

        int expected = 2 + UPDATES_PER_CAMPAIGN;
        List<ConsumerRecord<String, byte[]>> records = TopicRecords.readUntil(Topics.CAMPAIGN_EVENTS,
                eventsOf(campaigns, 2 * expected), Duration.ofSeconds(90));
        Map<String, List<CloudEvent>> byCampaign = records.stream().filter(r -> campaigns.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                        r -> CloudEvent.fromHeaders(name -> r.headers().lastHeader(name) == null ? null
                                : r.headers().lastHeader(name).value(), r.value()), Collectors.toList())));
        for (String campaign : campaigns) {
            // the campaign's own events in its sequence, then each update once, at its first revision
            Map<String, List<Long>> sequences = byCampaign.get(campaign).stream().collect(Collectors.groupingBy(
                    CloudEvent::subject, Collectors.mapping(CloudEvent::sequence, Collectors.toList())));
            assertThat(sequences).hasSize(1 + UPDATES_PER_CAMPAIGN).allSatisfy((subject, numbers) ->
                    assertThat(numbers).containsExactly(subject.equals(campaign) ? new Long[] {1L, 2L} : new Long[] {1L}));
            assertThat(byCampaign.get(campaign)).extracting(CloudEvent::id).doesNotHaveDuplicates();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Prometheus.sum(http, "alcance_outbox_backlog")).isZero());
    }

    private static Predicate<List<ConsumerRecord<String, byte[]>>> eventsOf(List<String> campaigns, int count) {
        return records -> records.stream().filter(r -> campaigns.contains(r.key())).count() >= count;
    }
}

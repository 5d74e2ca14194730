package org.alcance.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.alcance.events.CloudEvent;
import org.alcance.test.IntegrationTest;
import org.alcance.test.Prometheus;
import org.alcance.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class BrokerOutageIT {

    private static final int ENROLMENTS = 12;

    @Autowired
    WebTestClient http;

    @Test
    void shouldEnrolWhileTheBrokerIsDownAndPublishEachEventOnceInOrderWhenItReturns() {
        TrainingApi api = new TrainingApi(http);
        String course = api.createStarted("AM", ENROLMENTS / 2);
        Published.ofCourse(course, 2, Duration.ofSeconds(30));

        TestInfrastructure.Broker broker = TestInfrastructure.get().kafka();
        broker.stop();
        try {
            for (int i = 0; i < ENROLMENTS; i++) {
                api.enrolled("AM", course);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Prometheus.sum(http, "alcance_outbox_backlog")).isEqualTo(ENROLMENTS));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Prometheus.sum(http, "alcance_outbox_relay_failures_total")).isPositive());
        } finally {
            broker.start();
        }

        List<CloudEvent> events = Published.ofCourse(course, 2 + ENROLMENTS, Duration.ofSeconds(90));
        assertThat(events).extracting(CloudEvent::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 2 + ENROLMENTS).boxed().toList());
        assertThat(events).extracting(CloudEvent::id).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Prometheus.sum(http, "alcance_outbox_backlog")).isZero());
    }
}

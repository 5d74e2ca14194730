package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Scenario 1: writes keep being accepted while Kafka is down, and every one is counted once it is back. */
@Order(1)
class BrokerOutageIT {

    static final int UPDATES = 1_000;
    static final int SESSIONS = 30;
    static final int PARTICIPANTS = 10;

    @Test
    void shouldCountEveryUpdateAndAttendanceMarkPostedWhileKafkaWasDownExactlyOnce() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        List<String> campaigns = ledger.launchCampaigns("GT", 8);
        Ledger.Course course = ledger.startedCourse("AM", PARTICIPANTS, SESSIONS);
        assertThat(ledger.settle(Duration.ofSeconds(60)).exact()).isTrue();

        pipeline.infrastructure.kafka().stop();
        try {
            Scenarios.inParallel(UPDATES, 4,
                    i -> ledger.report(campaigns.get(i % campaigns.size()), "outage-" + i, 1 + i % 97));
            Scenarios.inParallel(SESSIONS, 2, i -> ledger.attend(course, course.sessions().get(i)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(Scenarios.metric(pipeline.campaigns.url(), "alcance_outbox_backlog")).isPositive();
                assertThat(Scenarios.metric(pipeline.training.url(), "alcance_outbox_backlog")).isPositive();
            });
        } finally {
            pipeline.infrastructure.kafka().start();
        }
        Ledger.Settled settled = ledger.settle(Duration.ofMinutes(5));
        Report.fault("1. Broker outage during writes", String.format(java.util.Locale.ROOT,
                "Kafka stopped; %,d progress updates and %,d attendance marks posted and accepted; Kafka started",
                UPDATES, SESSIONS * PARTICIPANTS), settled, Duration.ZERO);
        assertThat(settled.shown()).isEqualTo(settled.expected());
    }
}

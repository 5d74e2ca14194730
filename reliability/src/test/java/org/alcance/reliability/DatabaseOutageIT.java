package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: reporting's MongoDB is down for 30 s while events arrive; consumption waits without committing
 * an offset past an unapplied event, and the figures are exact once the database is back.
 */
@Order(5)
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int UPDATES = 200;

    @Test
    void shouldCommitNothingWhileTheDatabaseIsDownAndCatchUpExactlyAfterwards() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        List<String> campaigns = ledger.launchCampaigns("GT", 4);
        assertThat(ledger.settle(Duration.ofSeconds(60)).exact()).isTrue();

        try (Admin admin = pipeline.admin()) {
            Map<TopicPartition, Long> published = Offsets.of(admin, OffsetSpec.latest());
            await().atMost(Duration.ofSeconds(30)).until(() -> Offsets.caughtUp(admin, published));
            Map<TopicPartition, Long> committedBefore = Offsets.committed(admin);
            long down = System.nanoTime();
            pipeline.reportingDatabase.stop();
            int samples = 0;
            try {
                Scenarios.inParallel(UPDATES, 2,
                        i -> ledger.report(campaigns.get(i % campaigns.size()), "db-outage-" + i, 1 + i % 53));
                while (System.nanoTime() - down < OUTAGE.toNanos()) {
                    assertThat(Offsets.committed(admin)).as("offsets committed while MongoDB is down")
                            .isEqualTo(committedBefore);
                    samples++;
                    Thread.sleep(1_000);
                }
                assertThat(Offsets.of(admin, OffsetSpec.latest())).as("events waiting on the topics")
                        .isNotEqualTo(committedBefore);
            } finally {
                pipeline.reportingDatabase.start();
            }
            Ledger.Settled settled = ledger.settle(Duration.ofMinutes(2));
            Report.fault("5. MongoDB outage on reporting", String.format(Locale.ROOT,
                    "reporting's MongoDB stopped for %d s while %d progress updates were accepted and published;"
                            + " committed offsets sampled %d times during the outage: never moved", OUTAGE.toSeconds(),
                    UPDATES, samples), settled, Duration.ZERO);
            assertThat(settled.shown()).isEqualTo(settled.expected());
            Map<TopicPartition, Long> ends = Offsets.of(admin, OffsetSpec.latest());
            await().atMost(Duration.ofSeconds(30)).until(() -> Offsets.caughtUp(admin, ends));
        }
    }
}

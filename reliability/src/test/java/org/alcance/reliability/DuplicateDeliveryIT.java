package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Scenario 3: reporting reads both topics from the start twice more; no figure moves. */
@Order(3)
class DuplicateDeliveryIT {

    @Test
    void shouldLeaveEveryFigureAsItWasWhenTheWholeTopicsAreDeliveredAgain() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        assertThat(ledger.settle(Duration.ofSeconds(60)).exact()).isTrue();
        for (int round = 1; round <= 2; round++) {
            Ledger.Figures before = ledger.shown();
            pipeline.reporting.stop();
            try (Admin admin = pipeline.admin()) {
                Map<TopicPartition, Long> starts = Offsets.of(admin, OffsetSpec.earliest());
                Map<TopicPartition, Long> ends = Offsets.of(admin, OffsetSpec.latest());
                long redelivered = Offsets.sum(ends) - Offsets.sum(starts);
                Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
                starts.forEach((partition, offset) -> reset.put(partition, new OffsetAndMetadata(offset)));
                admin.alterConsumerGroupOffsets(Offsets.GROUP, reset).all().get(30, TimeUnit.SECONDS);
                long restart = System.nanoTime();
                pipeline.reporting.start();
                Pipeline.awaitReady(pipeline.reporting);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                        .until(() -> Offsets.caughtUp(admin, ends));
                Duration caughtUp = Duration.ofNanos(System.nanoTime() - restart);
                // the restarted process counts from zero: all it skipped was read again
                double skipped = Scenarios.metric(pipeline.reporting.url(), "alcance_reporting_events_duplicates_total");
                Ledger.Settled settled = ledger.settle(Duration.ofSeconds(30));
                Report.fault("3. Duplicate delivery, round " + round, String.format(Locale.ROOT,
                        "reporting stopped, its consumer group reset to offset 0 of both topics, started: %,d records"
                                + " delivered again, %,.0f skipped as already applied, all read again in %.1f s",
                        redelivered, skipped, caughtUp.toMillis() / 1000.0), settled, caughtUp);
                assertThat(ledger.shown()).isEqualTo(before);
                assertThat((long) skipped).as("records skipped as duplicates").isEqualTo(redelivered);
                assertThat(settled.shown()).isEqualTo(settled.expected());
            }
        }
    }
}

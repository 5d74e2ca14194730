package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: SIGKILL of reporting-service mid-stream at five random points, and of campaign-service with
 * events still in its outbox; after each restart the figures are exact.
 */
@Order(2)
class CrashIT {

    private static final int KILLS = 5;
    private static final int UPDATES_PER_ROUND = 150;
    private static final int OUTBOX_UPDATES = 100;

    @Test
    void shouldShowExactFiguresAfterReportingServiceIsKilledMidStream() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        List<String> campaigns = ledger.launchCampaigns("GT", 4);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 1; round <= KILLS; round++) {
            int first = round * UPDATES_PER_ROUND;
            CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
                for (int i = first; i < first + UPDATES_PER_ROUND; i++) {
                    ledger.report(campaigns.get(i % campaigns.size()), "crash-" + i, 1 + i % 89);
                }
            });
            long killAfter = 300 + random.nextInt(2_500);
            Thread.sleep(killAfter);
            pipeline.reporting.kill();
            posting.get();
            long restart = System.nanoTime();
            pipeline.reporting.start();
            Pipeline.awaitReady(pipeline.reporting);
            Duration started = Duration.ofNanos(System.nanoTime() - restart);
            Ledger.Settled settled = ledger.settle(Duration.ofMinutes(3));
            Report.fault("2. Crash of reporting-service, kill " + round + " of " + KILLS, String.format(Locale.ROOT,
                    "SIGKILL %.1f s into a stream of %d progress updates (seed %d), then started again (ready in %.1f s)",
                    killAfter / 1000.0, UPDATES_PER_ROUND, seed, started.toMillis() / 1000.0), settled, started);
            assertThat(settled.shown()).as("after kill %d (seed %d)", round, seed).isEqualTo(settled.expected());
        }
    }

    @Test
    void shouldShowExactFiguresAfterCampaignServiceIsKilledWithEventsInItsOutbox() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        List<String> campaigns = ledger.launchCampaigns("GT", 4);
        assertThat(ledger.settle(Duration.ofSeconds(60)).exact()).isTrue();

        pipeline.infrastructure.kafka().stop();
        long restart;
        double backlog;
        try {
            Scenarios.inParallel(OUTBOX_UPDATES, 2,
                    i -> ledger.report(campaigns.get(i % campaigns.size()), "outbox-crash-" + i, 1 + i % 61));
            // the relay measures its backlog between rounds, which a broker that does not answer slows down
            backlog = await().atMost(Duration.ofSeconds(90)).until(
                    () -> Scenarios.metric(pipeline.campaigns.url(), "alcance_outbox_backlog"), b -> b >= OUTBOX_UPDATES);
            pipeline.campaigns.kill();
        } finally {
            pipeline.infrastructure.kafka().start();
        }
        restart = System.nanoTime();
        pipeline.campaigns.start();
        Pipeline.awaitReady(pipeline.campaigns);
        Duration started = Duration.ofNanos(System.nanoTime() - restart);
        Ledger.Settled settled = ledger.settle(Duration.ofMinutes(3));
        Report.fault("2. Crash of campaign-service with a non-empty outbox", String.format(Locale.ROOT,
                "Kafka stopped; %d progress updates accepted; SIGKILL while its outbox backlog gauge read %.0f;"
                        + " Kafka started, then the service (ready in %.1f s)", OUTBOX_UPDATES, backlog,
                started.toMillis() / 1000.0), settled, started);
        assertThat(settled.shown()).isEqualTo(settled.expected());
    }
}

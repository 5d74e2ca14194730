package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.alcance.local.ServiceProcess;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Scenario 9: three replicas of reporting-service share the partitions. Each shows every change within
 * seconds, whichever replica applied it, and the two left stay exact when one is killed mid-stream.
 */
@Order(9)
class ReplicasIT {

    private static final int UPDATES = 150;
    /** "Within seconds": far below the 30 s reload that was all a replica had of the others' changes before. */
    private static final Duration AGREEMENT = Duration.ofSeconds(5);
    /** The new replicas never reload: what they show of the others' changes comes from the change feed alone. */
    private static final Map<String, String> NO_RELOAD = Map.of("ALCANCE_REPORTING_FIGURES_RESYNC", "1h");

    @Test
    void shouldShowEveryChangeOnEveryReplicaWithinSecondsAndStayExactWhenOneIsKilled() throws Exception {
        Pipeline pipeline = Pipeline.get();
        Ledger ledger = Ledger.get();
        ServiceProcess second = pipeline.reportingReplica("replica-2", NO_RELOAD);
        ServiceProcess third = pipeline.reportingReplica("replica-3", NO_RELOAD);
        try {
            Pipeline.awaitReady(second);
            Pipeline.awaitReady(third);
            List<String> campaigns = ledger.launchCampaigns("GT", 6);
            for (ServiceProcess replica : List.of(pipeline.reporting, second, third)) { // each loads its figures now
                assertExact(ledger, replica, Duration.ofMinutes(2));
            }

            stream(ledger, campaigns, "replicas-", UPDATES);
            assertExact(ledger, pipeline.reporting, Duration.ofMinutes(2));
            for (Map.Entry<String, ServiceProcess> replica : List.of(Map.entry("second", second),
                    Map.entry("third", third))) {
                Ledger.Settled settled = ledger.settle(replica.getValue().url(), AGREEMENT);
                Report.fault("9. Three replicas of reporting-service", String.format(Locale.ROOT,
                        "%d progress updates while three replicas share the partitions; the %s replica, which never"
                                + " reloads, against the ledger once the first is exact", UPDATES, replica.getKey()),
                        settled, Duration.ZERO);
                assertThat(settled.exact()).as(() -> String.format("the %s replica within %s of the first: %s",
                        replica.getKey(), AGREEMENT, ledger.differences(replica.getValue().url()))).isTrue();
            }

            CompletableFuture<Void> posting = CompletableFuture.runAsync(
                    () -> stream(ledger, campaigns, "replicas-killed-", UPDATES));
            Thread.sleep(1_000);
            second.kill();
            posting.get();
            assertExact(ledger, pipeline.reporting, Duration.ofMinutes(3));
            Ledger.Settled settled = ledger.settle(third.url(), AGREEMENT);
            Report.fault("9. Three replicas of reporting-service, one killed", String.format(Locale.ROOT,
                    "SIGKILL of one of three replicas 1 s into a stream of %d progress updates; the third, which"
                            + " never reloads, against the ledger once the first is exact", UPDATES), settled,
                    Duration.ZERO);
            assertThat(settled.exact()).as(() -> String.format("the third replica within %s of the first: %s", AGREEMENT,
                    ledger.differences(third.url()))).isTrue();
        } finally {
            second.stop();
            third.stop();
        }
    }

    private static void assertExact(Ledger ledger, ServiceProcess replica, Duration timeout) throws Exception {
        assertThat(ledger.settle(replica.url(), timeout).exact())
                .as(() -> replica.url() + " within " + timeout + ": " + ledger.differences(replica.url())).isTrue();
    }

    private static void stream(Ledger ledger, List<String> campaigns, String prefix, int updates) {
        for (int i = 0; i < updates; i++) {
            ledger.report(campaigns.get(i % campaigns.size()), prefix + i, 1 + i % 73);
        }
    }
}

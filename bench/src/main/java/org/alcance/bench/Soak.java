package org.alcance.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * B6: a soak at B2's rate over campaigns of its own, 93 % new progress updates, 5 % corrections and 2 %
 * retractions of earlier ones ({@link Freshness} posts them and keeps the {@link Ledger}). Once the stack is
 * quiet, every campaign's figure must be the ledger's exactly, and so must headquarters' overview of them.
 */
final class Soak {

    /** 20 minutes; {@code bench/run -Dbench.soak.minutes=2} to try it short (bench/pom.xml passes it on). */
    static final Duration DURATION = Duration.ofMinutes(Long.getLong("bench.soak.minutes", 20));
    static final int CAMPAIGNS = 100;
    /** Only the soak's campaigns have this theme: the overview filtered by it covers them alone. */
    static final String THEME = "benchmark-soak";
    static final Freshness.Mix MIX = new Freshness.Mix(5, 2);
    /** The RSS that the end's is compared with: after 5 of the 20 minutes. */
    static final double EARLY_SHARE = 0.25;

    private Soak() {
    }

    /**
     * {@code checked}: campaigns without an unsettled change, whose figure was compared with the ledger;
     * {@code mismatches}: those that differed; the overview's total is comparable with the ledger's only when
     * every campaign was settled.
     */
    record Result(Freshness.Result traffic, int campaigns, int checked, List<String> mismatches, long overviewTotal,
            long ledgerTotal, boolean overviewChecked) {

        boolean exact() {
            return checked == campaigns && mismatches.isEmpty() && overviewChecked && overviewTotal == ledgerTotal;
        }
    }

    static Result run(Bench.Tokens tokens, List<String> campaigns, int rate, Map<String, Long> pids)
            throws IOException, InterruptedException {
        Freshness.Result traffic = Freshness.run(tokens, campaigns, MIX, rate, DURATION, pids);
        // the figures are compared once everything accepted is relayed and applied, or not at all
        Bench.Quiet quiet = Bench.awaitQuiet(tokens.hq());
        Map<String, Long> expected = traffic.ledger().reach();
        if (!quiet.reached()) {
            return new Result(traffic, expected.size(), 0, List.of("not compared: " + quiet.status()), -1,
                    expected.values().stream().mapToLong(Long::longValue).sum(), false);
        }
        var unsettled = traffic.ledger().unsettled();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Long> campaign : expected.entrySet()) {
            if (unsettled.contains(campaign.getKey())) {
                continue;
            }
            checked++;
            String url = "http://127.0.0.1:8083/api/figures/campaigns/" + campaign.getKey();
            JsonNode figures = Bench.json(tokens.hq(), url);
            long reached = Bench.required(figures, "reached", url);
            long migrants = -1;
            for (JsonNode audience : figures.path("audiences")) {
                if ("migrants".equals(audience.path("audience").asString(""))) {
                    migrants = Bench.required(audience, "reached", url + " audiences[migrants]");
                }
            }
            if (reached != campaign.getValue() || migrants != campaign.getValue()) {
                mismatches.add("%s: ledger %d, reached %d, migrants %d".formatted(campaign.getKey(), campaign.getValue(),
                        reached, migrants));
            }
        }
        String overview = "http://127.0.0.1:8083/api/figures/overview?theme=" + THEME;
        long overviewTotal = Bench.required(Bench.json(tokens.hq(), overview).path("reach"), "total", overview + " reach");
        return new Result(traffic, expected.size(), checked, mismatches, overviewTotal,
                expected.values().stream().mapToLong(Long::longValue).sum(), unsettled.isEmpty());
    }
}

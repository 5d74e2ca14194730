package org.alcance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Bench.Wrk wrk(String url, double perSecond, String p99) {
        String out = """
                Running 30s test @ %s
                  Latency Distribution
                     50%%   10.00ms
                     75%%   12.00ms
                     90%%   14.00ms
                     99%%   %s
                  1000 requests in 30.00s, 1.00MB read
                Requests/sec:   %.2f
                """.formatted(url, p99, perSecond);
        return Bench.Wrk.parse(url, 30, Map.of("machine", 1.9, "campaign-service", 0.9), out);
    }

    private static Freshness.Result traffic(int minutes, Ledger ledger) {
        Map<Freshness.Kind, Long> acknowledged = new EnumMap<>(Freshness.Kind.class);
        acknowledged.put(Freshness.Kind.REPORT, 930L);
        acknowledged.put(Freshness.Kind.CORRECTION, 50L);
        acknowledged.put(Freshness.Kind.RETRACTION, 20L);
        List<Freshness.Minute> perMinute = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            perMinute.add(new Freshness.Minute(100, 0, Latencies.of(List.of(20.0, 40.0, 80.0 + m))));
        }
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        rss.put("campaign-service", Collections.nCopies(minutes * 60 + 5, 300 * 1024L));
        Freshness.Samples samples = new Freshness.Samples(3, 1.5, 0);
        return new Freshness.Result(140, minutes * 60L, acknowledged, Map.of("correction: HTTP 409", 1L), 2, perMinute,
                samples, samples, rss, new Bench.Quiet(true, 3, "{\"lag\":0}"), ledger);
    }

    @Test
    void rendersEveryTargetWithWhatBoundIt() {
        Bench.Wrk ingest = wrk("http://127.0.0.1:8081/api/campaigns/c/updates", 280, "1.53s");
        Bench.Ceilings ceilings = new Bench.Ceilings(wrk(Bench.BARE_URL, 3383, "57.61ms"),
                wrk(Bench.AUTH_URL, 1500, "80.00ms"), new Throughput(90_000, 30));
        Ledger ledger = new Ledger(List.of("s1", "s2"));
        Soak.Result soak = new Soak.Result(traffic(20, ledger), 2, 1, List.of("s2: ledger 5, reached 4, migrants 4"),
                9, 9, false);
        Bench.Wrk overview = wrk(Bench.OVERVIEW_URL, 4000, "15.00ms");
        List<Bench.Scale> scales = List.of(
                new Bench.Scale(1, 20_000, 17, 10_000, "{}", new Bench.Dashboards(overview, overview, overview)),
                new Bench.Scale(10, 90_000, 103, 100_000, "{}", new Bench.Dashboards(overview, overview, null)),
                new Bench.Scale(100, 900_000, 900, 412_000, "{\"lag\":500000}", null));

        String md = Report.markdown(new Report.Figures(Map.of("cores (nproc)", "2"), 39.1,
                Map.of("campaign-service", "27 s"), Map.of("campaign-service", 290 * 1024L), Map.of("machine", 0.1),
                ceilings, ingest, Map.of("campaign-service", 412 * 1024L), wrk("hot", 200, "2.00s"),
                new Bench.Quiet(true, 3, "{}"), traffic(1, new Ledger(List.of("q"))), soak, scales,
                new Bench.Quiet(false, 600, "{\"lag\":12}"), new Throughput(1_200_000, 140),
                new Bench.Replay(1_200_000, 700_000, 900, false)));

        assertThat(md)
                .contains("| B1 | ingest | 280 updates/s | ≥ 50 % of the lowest ceiling: token verified (`GET /api/me`), 1,500/s | 18.7 % of it | **missed** |")
                .contains("| B1-hot | every connection on one campaign | 200 updates/s | ≥ 50 % of B1 | 71.4 % of B1 | met |")
                .contains("| B4 | 10,000 campaigns × 100 update(s): overview, office p99 | 412,000 of 1,000,000 updates counted after 900 s |")
                .contains("| B3 | events replayed | 700,000 of 1,200,000 (not finished) |")
                .contains("| B6 | campaign-service RSS at the end (1,200 s) vs after 300 s | 300 MiB vs 300 MiB | within 10 % | +0.0 % | met |")
                .contains("| B6 | freshness p99, worst minute of 20 | 99.00 ms | ≤ 500 ms | 0.20× the limit | met |")
                .contains("`correction: HTTP 409` 1")
                .contains("- s2: ledger 5, reached 4, migrants 4")
                .contains("The lowest ceiling, which bounds B1's target, is the token verified (`GET /api/me`): 1,500/s.")
                .doesNotContain("null");
    }
}

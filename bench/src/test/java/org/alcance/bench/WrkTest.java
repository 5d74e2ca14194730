package org.alcance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WrkTest {

    private static final String CLEAN = """
            Running 30s test @ http://127.0.0.1:8081/actuator/health/liveness
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    19.76ms   12.81ms 103.42ms   68.85%
                Req/Sec     1.70k   526.16     2.58k    51.34%
              Latency Distribution
                 50%   18.28ms
                 75%   26.73ms
                 90%  950.00us
                 99%    1.53s\s
              101577 requests in 30.03s, 30.42MB read
            Requests/sec:   3382.71
            Transfer/sec:      1.01MB
            """;

    @Test
    void linesLeftOutWhenTheirCountIsZeroAreZero() {
        Bench.Wrk wrk = Bench.Wrk.parse("u", 30, Map.of(), CLEAN);

        assertThat(wrk.requestsPerSecond()).isEqualTo(3382.71);
        assertThat(wrk.requests()).isEqualTo(101577);
        assertThat(wrk.percentilesMs()).isEqualTo(Map.of("50", 18.28, "75", 26.73, "90", 0.95, "99", 1530.0));
        assertThat(wrk.non2xx()).isZero();
        assertThat(wrk.socketErrors()).isZero();
    }

    @Test
    void errorLinesAreCounted() {
        String out = CLEAN.replace("Requests/sec:", """
                  Socket errors: connect 0, read 1, write 0, timeout 24
                  Non-2xx or 3xx responses: 7
                Requests/sec:""");

        Bench.Wrk wrk = Bench.Wrk.parse("u", 30, Map.of(), out);

        assertThat(wrk.non2xx()).isEqualTo(7);
        assertThat(wrk.socketErrors()).isEqualTo(25);
        assertThat(wrk.errors()).isEqualTo(32);
    }

    @Test
    void aMissingRequiredFigureFailsTheRun() {
        assertThatThrownBy(() -> Bench.Wrk.parse("u", 30, Map.of(), CLEAN.replaceAll("Requests/sec:.*", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Missing figure: wrk's Requests/sec");
        assertThatThrownBy(() -> Bench.Wrk.parse("u", 30, Map.of(), CLEAN.replace(" 99%", " 98%")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("99 % latency");
    }
}

package org.alcance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRank() {
        Latencies latencies = Latencies.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0));

        assertThat(latencies.percentile(50)).isEqualTo(5.0);
        assertThat(latencies.percentile(99)).isEqualTo(10.0);
        assertThat(latencies.percentile(100)).isEqualTo(10.0);
        assertThat(latencies.percentile(0)).isEqualTo(1.0);
        assertThat(latencies.count()).isEqualTo(10);
    }

    @Test
    void noLatenciesHaveNoPercentile() {
        assertThat(Latencies.of(List.of()).percentile(99)).isNaN();
    }
}

package org.alcance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Latencies in ms, sorted, with nearest-rank percentiles. */
record Latencies(List<Double> sortedMs) {

    static Latencies of(Collection<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return new Latencies(List.copyOf(sorted));
    }

    int count() {
        return sortedMs.size();
    }

    /** The smallest latency that at least {@code p} % of them do not exceed (100: the largest); NaN when there are none. */
    double percentile(double p) {
        if (sortedMs.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sortedMs.size());
        return sortedMs.get(Math.min(sortedMs.size(), Math.max(1, rank)) - 1);
    }
}

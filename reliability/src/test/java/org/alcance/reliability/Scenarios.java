package org.alcance.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.alcance.test.Prometheus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the fault scenarios share: posting work in parallel and reading a service's metrics. */
final class Scenarios {

    private Scenarios() {
    }

    /** Runs {@code task} for 0 to {@code count - 1} on {@code threads} threads; rethrows the first failure. */
    static void inParallel(int count, int threads, IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        task.accept(i);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The sum of every series of {@code metric} the service at {@code url} exposes to Prometheus. */
    static double metric(String url, String metric) {
        return Prometheus.sum(WebTestClient.bindToServer().baseUrl(url).build(), metric);
    }
}

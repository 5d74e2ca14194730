package org.alcance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * B2: progress updates posted at a steady rate, round robin over campaigns that have nothing else going on
 * (created and launched: sequence 2), at most one in flight per campaign, so that a campaign's k-th 201 is its
 * event {@code 2 + k}. Headquarters' figure stream ({@code /api/figures/stream}, HQ token) says when the read
 * model that the overview folds includes that event; freshness is the time from the 201 to that.
 */
final class Freshness {

    private static final Pattern CHANGE = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\".*\"sequence\"\\s*:\\s*(\\d+)");
    private static final Pattern LAG = Pattern.compile("\"lag\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * Latencies in ms of the updates whose figure arrived; the rest were posted but never seen, or refused.
     * {@code backlog} and {@code lag}: the campaign service's outbox backlog and the reporting consumers' lag,
     * sampled once a second while posting and until the end, to tell which stage holds events back.
     */
    record Result(int rate, long seconds, long posted, long created, long refused, long skipped, long notSeen,
            List<Double> latenciesMs, Samples backlog, Samples lag) {

        double percentile(double p) {
            if (latenciesMs.isEmpty()) {
                return Double.NaN;
            }
            return latenciesMs.get((int) Math.min(latenciesMs.size() - 1, Math.ceil(p / 100 * latenciesMs.size()) - 1));
        }
    }

    /** One gauge sampled once a second: its highest value, its mean, and its value at the end. */
    record Samples(long peak, double mean, long last) {

        static Samples of(List<Long> values) {
            return values.isEmpty() ? new Samples(-1, Double.NaN, -1) : new Samples(
                    values.stream().mapToLong(Long::longValue).max().orElseThrow(),
                    values.stream().mapToLong(Long::longValue).average().orElseThrow(), values.get(values.size() - 1));
        }
    }

    private final Map<String, ConcurrentSkipListMap<Long, Long>> seen = new ConcurrentHashMap<>();
    private final List<Long> backlogs = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());

    static Result run(String officeToken, String hqToken, List<String> campaigns, int rate, long seconds)
            throws IOException, InterruptedException {
        return new Freshness().measure(officeToken, hqToken, campaigns, rate, seconds);
    }

    private Result measure(String officeToken, String hqToken, List<String> campaigns, int rate, long seconds)
            throws IOException, InterruptedException {
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8083/api/figures/stream"))
                .header("Authorization", "Bearer " + hqToken).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.body().forEach(line -> {
            long at = System.nanoTime();
            if (line.startsWith("data:")) {
                Matcher change = CHANGE.matcher(line);
                if (change.find()) {
                    seen.computeIfAbsent(change.group(1), id -> new ConcurrentSkipListMap<>())
                            .putIfAbsent(Long.parseLong(change.group(2)), at);
                }
            }
        }), "b2-stream");
        reader.setDaemon(true);
        reader.start();

        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();
        List<long[]> created = Collections.synchronizedList(new ArrayList<>()); // {campaign index, sequence, nanos}
        AtomicLong posted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        AtomicLong tick = new AtomicLong();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            int index = (int) (tick.getAndIncrement() % campaigns.size());
            String campaign = campaigns.get(index);
            if (!inFlight.computeIfAbsent(campaign, c -> new AtomicBoolean()).compareAndSet(false, true)) {
                skipped.incrementAndGet();
                return;
            }
            long number = posted.incrementAndGet();
            String body = """
                    {"clientReference": "b2-%d", "reportedOn": "2002-11-13", "place": {"name": "Tecun Uman"},
                     "channel": "poster", "reach": [{"audience": "migrants", "people": 1}]}""".formatted(number);
            HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/api/campaigns/" + campaign + "/updates"))
                            .header("Authorization", "Bearer " + officeToken).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        long at = System.nanoTime();
                        if (error == null && response.statusCode() == 201) {
                            created.add(new long[] {index, sent.merge(campaign, 1L, Long::sum) + 2, at});
                        } else {
                            refused.incrementAndGet();
                        }
                        inFlight.get(campaign).set(false);
                    });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> sample(hqToken), 0, 1, TimeUnit.SECONDS);
        Thread.sleep(seconds * 1000);
        pacer.shutdownNow();
        Thread.sleep(10_000); // the last updates' figures
        sampler.shutdownNow();
        stream.body().close();

        List<Double> latencies = new ArrayList<>();
        long notSeen = 0;
        synchronized (created) {
            for (long[] update : created) {
                var arrivals = seen.get(campaigns.get((int) update[0]));
                var first = arrivals == null ? null : arrivals.ceilingEntry(update[1]);
                if (first == null) {
                    notSeen++;
                } else {
                    // a figure that arrived before the 201 reached the client counts as at once
                    latencies.add(Math.max(0, first.getValue() - update[2]) / 1e6);
                }
            }
        }
        Collections.sort(latencies);
        return new Result(rate, seconds, posted.get(), created.size(), refused.get(), skipped.get(), notSeen, latencies,
                Samples.of(List.copyOf(backlogs)), Samples.of(List.copyOf(lags)));
    }

    private void sample(String hqToken) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(line -> line.startsWith("alcance_outbox_backlog")).findFirst()
                    .ifPresent(line -> backlogs.add((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
            String status = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083/api/figures/status"))
                    .header("Authorization", "Bearer " + hqToken).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher lag = LAG.matcher(status);
            if (lag.find()) {
                lags.add(Long.parseLong(lag.group(1)));
            }
        } catch (IOException e) {
            // a sample lost to a busy service: the others still tell the trend
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.alcance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * B2 and B6: changes of progress updates posted at a steady rate by this JVM (JDK HTTP client), open loop: a
 * change leaves on its tick whether or not the earlier ones were answered, up to {@link #IN_FLIGHT} at once
 * (B1's connections); a tick that finds them all busy is skipped and counted. Headquarters' figure stream
 * ({@code /api/figures/stream}, HQ token) says when the read model the overview folds includes a change: each
 * {@code figures} event names the update ({@code subject}) and its revision ({@code sequence}). Freshness of a
 * change = arrival of the first event of its update at or above the revision the 2xx answer gave, minus the
 * arrival of that answer (0 when the event came first).
 */
final class Freshness {

    static final int IN_FLIGHT = Bench.CONNECTIONS;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Duration MINUTE = Duration.ofMinutes(1);

    enum Kind { REPORT, CORRECTION, RETRACTION }

    /** Percent of the changes that correct or retract an earlier update; the rest report new ones. */
    record Mix(int corrections, int retractions) {

        static final Mix REPORTS = new Mix(0, 0);
    }

    /** The changes acknowledged in one minute of the run, by the time of their answer. */
    record Minute(long acknowledged, long notSeen, Latencies latencies) {
    }

    /**
     * {@code failures}: the changes not answered 2xx (201 for a report), by kind and status or exception.
     * {@code backlog} and {@code lag}: the campaign service's outbox backlog and the reporting consumers' lag,
     * sampled once a second from the first post until the stack was quiet, to tell which stage holds events
     * back; {@code rssKib}: each service's RSS, one sample a second over the same time.
     */
    record Result(int rate, long seconds, Map<Kind, Long> acknowledged, Map<String, Long> failures, long skipped,
            List<Minute> minutes, Samples backlog, Samples lag, Map<String, List<Long>> rssKib, Bench.Quiet quiet,
            Ledger ledger) {

        long posted() {
            return acknowledged.values().stream().mapToLong(Long::longValue).sum() + errors();
        }

        long errors() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        long notSeen() {
            return minutes.stream().mapToLong(Minute::notSeen).sum();
        }

        Latencies latencies() {
            return Latencies.of(minutes.stream().flatMap(m -> m.latencies().sortedMs().stream()).toList());
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

    /** A change to send; a report has no claim: its update is named by the answer. */
    private record Change(Kind kind, String campaign, Ledger.Claim claim, long people) {
    }

    /** A change the service acknowledged: its update, the revision it made, when the answer arrived. */
    private record Ack(String subject, long sequence, long nanos) {
    }

    private final Bench.Tokens tokens;
    private final List<String> campaigns;
    private final Set<String> watched;
    private final Mix mix;
    private final Ledger ledger;
    private final String prefix = "fresh-" + System.currentTimeMillis() + "-";
    private final Random random = new Random(42);
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final Map<String, ConcurrentSkipListMap<Long, Long>> seen = new ConcurrentHashMap<>();
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<Kind, AtomicLong> acknowledged = new EnumMap<>(Kind.class);
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final List<Long> backlogs = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> lags = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Long>> rss = new LinkedHashMap<>();

    private Freshness(Bench.Tokens tokens, List<String> campaigns, Mix mix) {
        this.tokens = tokens;
        this.campaigns = List.copyOf(campaigns);
        this.watched = Set.copyOf(campaigns);
        this.mix = mix;
        this.ledger = new Ledger(campaigns);
        for (Kind kind : Kind.values()) {
            acknowledged.put(kind, new AtomicLong());
        }
    }

    /**
     * Posts {@code rate} changes a second of {@code mix} to {@code campaigns} for {@code duration}, then waits for
     * the stack to be quiet; samples the RSS of the services in {@code pids} meanwhile.
     */
    static Result run(Bench.Tokens tokens, List<String> campaigns, Mix mix, int rate, Duration duration,
            Map<String, Long> pids) throws IOException, InterruptedException {
        return new Freshness(tokens, campaigns, mix).measure(rate, duration, pids);
    }

    private Result measure(int rate, Duration duration, Map<String, Long> pids) throws IOException, InterruptedException {
        // send() returns once the headers are in; the service writes a comment at once, so the stream is open
        HttpResponse<Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:8083/api/figures/stream"))
                .header("Authorization", "Bearer " + tokens.hq()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> read(stream.body()), "figure-stream");
        reader.setDaemon(true);
        reader.start();

        pids.keySet().forEach(service -> rss.put(service, Collections.synchronizedList(new ArrayList<>())));
        ScheduledExecutorService samplers = Executors.newScheduledThreadPool(2);
        // RSS apart from the HTTP gauges: a busy service must not delay its own memory's samples
        samplers.scheduleAtFixedRate(() -> pids.forEach((service, pid) -> rss.get(service).add(Bench.rssKib(pid))),
                0, 1, TimeUnit.SECONDS);
        samplers.scheduleAtFixedRate(this::sampleGauges, 0, 1, TimeUnit.SECONDS);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(this::tick, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis());
        pacer.shutdownNow();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
        // every request has a 30 s timeout: all are settled by then
        if (!inFlight.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Changes still in flight 60 s after the last was sent");
        }
        Bench.Quiet quiet = Bench.awaitQuiet(tokens.hq());
        samplers.shutdownNow();
        stream.body().close();

        int minutes = (int) Math.max(1, (duration.toNanos() + MINUTE.toNanos() - 1) / MINUTE.toNanos());
        List<List<Double>> latencies = new ArrayList<>();
        long[] notSeen = new long[minutes];
        long[] acknowledgedIn = new long[minutes];
        for (int m = 0; m < minutes; m++) {
            latencies.add(new ArrayList<>());
        }
        for (Ack ack : acks) {
            // the answers to the last ticks arrive after the run's end: they count in its last minute
            int minute = (int) Math.min(minutes - 1, (ack.nanos() - start) / MINUTE.toNanos());
            acknowledgedIn[minute]++;
            var arrivals = seen.get(ack.subject());
            var first = arrivals == null ? null : arrivals.ceilingEntry(ack.sequence());
            if (first == null) {
                notSeen[minute]++;
            } else {
                latencies.get(minute).add(Math.max(0, first.getValue() - ack.nanos()) / 1e6);
            }
        }
        List<Minute> perMinute = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            perMinute.add(new Minute(acknowledgedIn[m], notSeen[m], Latencies.of(latencies.get(m))));
        }
        Map<Kind, Long> acknowledgedByKind = new EnumMap<>(Kind.class);
        acknowledged.forEach((kind, count) -> acknowledgedByKind.put(kind, count.get()));
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((what, count) -> failed.put(what, count.get()));
        Map<String, List<Long>> rssKib = new LinkedHashMap<>();
        rss.forEach((service, samples) -> rssKib.put(service, List.copyOf(samples)));
        return new Result(rate, duration.toSeconds(), acknowledgedByKind, failed, skipped.get(), perMinute,
                Samples.of(List.copyOf(backlogs)), Samples.of(List.copyOf(lags)), rssKib, quiet, ledger);
    }

    /** The arrival of each update's revisions, from the {@code figures} events of the benchmark's campaigns. */
    private void read(Stream<String> lines) {
        String event = null;
        try {
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                long at = System.nanoTime();
                if (line.isEmpty()) {
                    event = null;
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:") && "figures".equals(event)) {
                    JsonNode change = json(line.substring("data:".length()));
                    if (watched.contains(change.path("id").asString("")) && change.path("subject").isString()
                            && change.path("sequence").isIntegralNumber()) {
                        seen.computeIfAbsent(change.path("subject").asString(), s -> new ConcurrentSkipListMap<>())
                                .putIfAbsent(change.path("sequence").asLong(), at);
                    }
                }
            }
        } catch (UncheckedIOException closed) {
            // the run closed the stream
        }
    }

    private void tick() {
        long n = ticks.incrementAndGet();
        if (!inFlight.tryAcquire()) {
            skipped.incrementAndGet();
            return;
        }
        Change change = next(n);
        try {
            HTTP.sendAsync(request(change, n), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        try {
                            settle(change, response, error, System.nanoTime());
                        } finally {
                            inFlight.release();
                        }
                    });
        } catch (RuntimeException notSent) {
            // counted like any failure; thrown on, it would cancel every later tick
            try {
                settle(change, null, notSent, System.nanoTime());
            } finally {
                inFlight.release();
            }
        }
    }

    /** The change of tick {@code n}: a correction or retraction as the mix says, if an update is free for it. */
    private Change next(long n) {
        int draw = random.nextInt(100);
        long people = 1 + random.nextInt(9);
        Kind kind = draw < mix.corrections() ? Kind.CORRECTION
                : draw < mix.corrections() + mix.retractions() ? Kind.RETRACTION : Kind.REPORT;
        if (kind != Kind.REPORT) {
            var claim = ledger.claim(random);
            if (claim.isPresent()) {
                return new Change(kind, claim.get().campaign(), claim.get(), people);
            }
        }
        return new Change(Kind.REPORT, campaigns.get((int) (n % campaigns.size())), null, people);
    }

    private HttpRequest request(Change change, long n) {
        String path = "/api/campaigns/" + change.campaign() + "/updates";
        String body = switch (change.kind()) {
            case REPORT -> """
                    {"clientReference": "%s%d", "reportedOn": "2002-11-13", "place": {"name": "Tecun Uman"},
                     "channel": "poster", "reach": [{"audience": "migrants", "people": %d}]}"""
                    .formatted(prefix, n, change.people());
            case CORRECTION -> """
                    {"reason": "Benchmark: recounted", "reach": [{"audience": "migrants", "people": %d}]}"""
                    .formatted(change.people());
            case RETRACTION -> """
                    {"reason": "Benchmark: reported twice"}""";
        };
        if (change.kind() != Kind.REPORT) {
            path += "/" + change.claim().update() + "/" + change.kind().name().toLowerCase(Locale.ROOT);
        }
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081" + path))
                .header("Authorization", "Bearer " + tokens.office()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Books an answer in the ledger; anything but the expected status leaves the campaign unsettled. */
    private void settle(Change change, HttpResponse<String> response, Throwable error, long at) {
        int expected = change.kind() == Kind.REPORT ? 201 : 200;
        String failure = error != null ? error.getClass().getSimpleName()
                : response.statusCode() != expected ? "HTTP " + response.statusCode() : null;
        JsonNode body = failure == null ? json(response.body()) : null;
        if (failure == null && !(body.path("id").isString() && body.path("revision").isNumber())) {
            failure = "HTTP " + response.statusCode() + " without id and revision";
        }
        if (failure != null) {
            ledger.unsettled(change.campaign());
            failures.computeIfAbsent(change.kind().name().toLowerCase(Locale.ROOT) + ": " + failure,
                    f -> new AtomicLong()).incrementAndGet();
            return;
        }
        switch (change.kind()) {
            case REPORT -> ledger.reported(change.campaign(), body.path("id").asString(), change.people());
            case CORRECTION -> ledger.corrected(change.claim(), change.people());
            case RETRACTION -> ledger.retracted(change.claim());
        }
        acknowledged.get(change.kind()).incrementAndGet();
        acks.add(new Ack(body.path("id").asString(), body.path("revision").asLong(), at));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return JSON.missingNode();
        }
    }

    private void sampleGauges() {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(line -> line.startsWith("alcance_outbox_backlog")).findFirst()
                    .ifPresent(line -> backlogs.add((long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
            JsonNode lag = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:8083/api/figures/status"))
                    .header("Authorization", "Bearer " + tokens.hq()).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("lag");
            if (lag.isNumber()) {
                lags.add(lag.asLong());
            }
        } catch (IOException | RuntimeException e) {
            // a sample lost to a busy service: the others still tell the trend
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

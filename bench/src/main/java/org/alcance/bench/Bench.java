package org.alcance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alcance.local.LocalStack;
import org.alcance.local.ServiceProcess;
import org.alcance.local.Issuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmarks (B1-B6) against the local stack: B1 ingest against three same-run ceilings (a bare WebFlux
 * endpoint, an endpoint that only verifies the token, the store's raw inserts), B2 freshness, B6 soak, B4
 * dashboards at three scales, B3 replay against its raw ceiling, and B5 footprint and start times. wrk is the
 * load generator for B1 and B4; B2 and B6 post from this JVM. Starts the stack with a fresh data dir, warms up
 * for 60 s, measures, writes {@code docs/benchmarks.md}.
 */
public final class Bench {

    /** run-local's JVM options, C1 only included: the benchmark measures the stack as users run it. */
    static final List<String> JVM_OPTIONS = ServiceProcess.DEFAULT_JVM_OPTIONS;
    static final String[] SERVICES = {"campaign-service", "training-service", "reporting-service"};
    static final int CONNECTIONS = 64;
    /** B1 spreads the updates over this many campaigns of one office, in turn. */
    static final int CAMPAIGNS = 256;
    static final int THREADS = 2;
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final Duration MEASURE = Duration.ofSeconds(30);
    /** B4: seeded campaigns (created straight on the topic), over this many offices. */
    static final int SEED_CAMPAIGNS = 10_000;
    static final int SEED_OFFICES = 20;
    /** B4's scales: updates per seeded campaign, each scale adding to the one before; the last is 1,000,000 updates. */
    static final int[] SEED_UPDATES = {1, 10, 100};
    /** How long the stack may take to apply one scale before it is recorded as failed. */
    static final Duration SEED_TIMEOUT = Duration.ofMinutes(15);
    /**
     * The same-run baseline folds every update read from MongoDB per request; above this scale one request
     * would read the 1,000,000 updates into the reporting service's 256 MiB heap.
     */
    static final int BASELINE_UPDATES = 10;
    static final Duration QUIET_TIMEOUT = Duration.ofMinutes(10);
    static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(15);
    /** B2: campaigns that only B2 writes to, and how long it posts. */
    static final int FRESHNESS_CAMPAIGNS = 100;
    static final Duration FRESHNESS = Duration.ofSeconds(60);

    static final String BARE_URL = "http://127.0.0.1:8081/actuator/health/liveness";
    static final String AUTH_URL = "http://127.0.0.1:8081/api/me";
    static final String OVERVIEW_URL = "http://127.0.0.1:8083/api/figures/overview";
    private static final String STATUS_URL = "http://127.0.0.1:8083/api/figures/status";
    private static final String BACKLOG = "(?m)^alcance_outbox_backlog(?:\\{[^}]*\\})? ([\\d.E+-]+)$";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath().normalize();
        Path work = root.resolve("bench").resolve("target");
        Path data = work.resolve("data");
        delete(data);
        Files.createDirectories(data);
        // no demo data nor sample season: the stack's start is measured alone and the benchmark creates what it needs
        Files.writeString(data.resolve("demo-loaded"), "skipped by the benchmark\n");

        Instant started = Instant.now();
        try (LocalStack stack = LocalStack.start(root, data, false)) {
            double stackReady = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            Map<String, String> startTimes = new LinkedHashMap<>();
            Map<String, Long> pids = new LinkedHashMap<>();
            for (String service : SERVICES) {
                startTimes.put(service, startedIn(data.resolve("logs").resolve(service + ".log")));
                pids.put(service, pid(service));
            }
            Thread.sleep(5_000);
            Map<String, Long> idle = new LinkedHashMap<>();
            pids.forEach((service, pid) -> idle.put(service, rssKib(pid)));

            Tokens tokens = Tokens.of(stack.issuer());
            List<String> campaigns = campaigns(tokens.office(), "benchmark", 0, CAMPAIGNS);
            List<String> quietCampaigns = campaigns(tokens.office(), "benchmark", CAMPAIGNS, FRESHNESS_CAMPAIGNS);
            List<String> soakCampaigns = campaigns(tokens.office(), Soak.THEME, CAMPAIGNS + FRESHNESS_CAMPAIGNS,
                    Soak.CAMPAIGNS);
            Path post = script(work, "post-update.lua", postScript(tokens.office(), campaigns));
            Path hot = script(work, "post-update-one-campaign.lua", postScript(tokens.office(), campaigns.subList(0, 1)));
            Path hq = script(work, "hq.lua", bearer(tokens.hq()));
            Path office = script(work, "office.lua", bearer(tokens.office()));
            String postUrl = "http://127.0.0.1:8081/api/campaigns/" + campaigns.get(0) + "/updates";

            System.out.println("Warm-up: " + WARM_UP.toSeconds() + " s of B1 load, then 10 s of each GET");
            wrk(post, postUrl, WARM_UP.toSeconds());
            wrk(null, BARE_URL, 10);
            wrk(office, AUTH_URL, 10);
            wrk(hq, OVERVIEW_URL, 10);

            System.out.println("10 s without load (what the stack does on its own after the warm-up)");
            Map<String, Double> before = cpu();
            long quietStart = System.nanoTime();
            Thread.sleep(10_000);
            Map<String, Double> quiet = cores(before, cpu(), (System.nanoTime() - quietStart) / 1e9);
            System.out.println("CPU (cores): " + quiet);

            System.out.println("B1 ceiling: bare WebFlux endpoint");
            Wrk bare = wrk(null, BARE_URL, MEASURE.toSeconds());
            System.out.println("B1 ceiling: token verification only (GET /api/me)");
            Wrk auth = wrk(office, AUTH_URL, MEASURE.toSeconds());
            System.out.println("B1 ceiling: the store's inserts, " + CONNECTIONS + " writers");
            Throughput store = StoreCeiling.measure(CONNECTIONS, MEASURE);
            System.out.printf(Locale.ROOT, "Store: %,d inserts in %.1f s%n", store.count(), store.seconds());
            Ceilings ceilings = new Ceilings(bare, auth, store);

            System.out.println("B1: ingest");
            Map<String, Long> peak = new ConcurrentHashMap<>();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    pids.forEach((service, pid) -> peak.merge(service, rssKib(pid), Math::max));
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            sampler.start();
            Wrk ingest = wrk(post, postUrl, MEASURE.toSeconds());
            sampling.set(false);
            sampler.join();
            System.out.println("B1-hot: every update to one campaign");
            Wrk oneCampaign = wrk(hot, postUrl, MEASURE.toSeconds());
            Quiet drained = awaitQuiet(tokens.hq());
            System.out.printf(Locale.ROOT, "B1's backlog relayed and applied %.0f s after B1-hot (quiet: %s)%n",
                    drained.seconds(), drained.reached());

            // half of B1's rate: what the stack must absorb while answering within the freshness targets
            int rate = (int) Math.max(1, Math.round(ingest.requestsPerSecond() / 2));
            System.out.printf(Locale.ROOT, "B2: %d updates/s for %d s%n", rate, FRESHNESS.toSeconds());
            Freshness.Result freshness = Freshness.run(tokens, quietCampaigns, Freshness.Mix.REPORTS, rate, FRESHNESS,
                    Map.of());
            Latencies b2 = freshness.latencies();
            System.out.println("B2: " + freshness.acknowledged() + " acknowledged, p50 " + b2.percentile(50)
                    + " ms, p99 " + b2.percentile(99) + " ms");

            System.out.printf(Locale.ROOT, "B6: soak, %d changes/s for %d min%n", rate, Soak.DURATION.toMinutes());
            Soak.Result soak = Soak.run(tokens, soakCampaigns, rate, pids);
            System.out.println("B6: " + soak.traffic().acknowledged() + " acknowledged, failures "
                    + soak.traffic().failures() + ", figures exact: " + soak.exact());

            List<Scale> scales = dashboards(hq, tokens.hq());
            Quiet beforeReplay = awaitQuiet(tokens.hq());

            System.out.println("B3: raw consume + bulk-upsert ceiling");
            Throughput ceiling = TopicLoad.ceiling();
            System.out.printf(Locale.ROOT, "B3 ceiling: %,d records in %.1f s%n", ceiling.count(), ceiling.seconds());
            System.out.println("B3: replay");
            Replay replay = replay(tokens.admin());
            System.out.printf(Locale.ROOT, "B3 replay: %,d of %,d events in %.1f s%n", replay.consumed(), replay.events(),
                    replay.seconds());

            Path doc = root.resolve("docs").resolve("benchmarks.md");
            String kept = "";
            if (Files.exists(doc)) {
                String old = Files.readString(doc);
                int notes = old.indexOf("\n## Reading the figures");
                kept = notes < 0 ? "" : old.substring(notes + 1);
            }
            Files.writeString(doc, Report.markdown(new Report.Figures(machine(), stackReady, startTimes, idle, quiet,
                    ceilings, ingest, peak, oneCampaign, drained, freshness, soak, scales, beforeReplay, ceiling,
                    replay)) + kept);
            System.out.println("Wrote " + root.relativize(doc));
        }
    }

    /**
     * Tokens for the whole run, signed by the stack's issuer with a lifetime of hours: the run outlasts the
     * issuer's default hour.
     */
    record Tokens(String office, String hq, String admin) {

        static Tokens of(Issuer issuer) {
            Instant until = Instant.now().plus(Duration.ofHours(6));
            return new Tokens(issuer.token().office("GT").roles("office").expiresAt(until).sign(),
                    issuer.token().roles("hq").expiresAt(until).sign(), issuer.token().roles("admin").expiresAt(until).sign());
        }
    }

    /** One of B1's ceilings: what it is, and requests (or inserts) per second. */
    record Ceiling(String name, double perSecond) {
    }

    /**
     * B1's ceilings in the same run: the service answering without work, answering after verifying the token
     * only, and the store taking inserts of an update's size; B1 is measured against the lowest.
     */
    record Ceilings(Wrk bare, Wrk auth, Throughput store) {

        Ceiling lowest() {
            return Stream.of(new Ceiling("bare `GET /actuator/health/liveness`", bare.requestsPerSecond()),
                    new Ceiling("token verified (`GET /api/me`)", auth.requestsPerSecond()),
                    new Ceiling("store inserts", store.perSecond()))
                    .min(Comparator.comparingDouble(Ceiling::perSecond)).orElseThrow();
        }
    }

    /** Whether the stack caught up within {@link #QUIET_TIMEOUT}, how long it took, and reporting's status then. */
    record Quiet(boolean reached, double seconds, String status) {
    }

    /**
     * B4 at one scale: the events seeded for it, how long the stack took to apply them (or gave up, at
     * {@link #SEED_TIMEOUT}), the seeded updates its figures counted then, and the dashboards measured once it
     * had applied them all; null when it had not.
     */
    record Scale(int updatesPerCampaign, long events, double seconds, long updatesApplied, String status,
            Dashboards dashboards) {

        boolean applied() {
            return dashboards != null;
        }
    }

    /** The overview and one office's figures at 64 connections, and the same-run baseline (null above {@link #BASELINE_UPDATES}). */
    record Dashboards(Wrk overview, Wrk office, Wrk folded) {
    }

    /**
     * B3: the events the replay rebuilds from, those it had consumed when its generation began to serve (or
     * at {@link #REPLAY_TIMEOUT}), and the seconds from the request.
     */
    record Replay(long events, long consumed, double seconds, boolean finished) {

        double perSecond() {
            return consumed / seconds;
        }
    }

    /**
     * B4: each scale's updates straight on the topic, then, once the overview counts them all, the dashboards.
     * A scale not applied within its timeout ends B4: the larger ones would only queue behind it.
     */
    private static List<Scale> dashboards(Path hq, String hqToken) throws IOException, InterruptedException {
        List<Scale> scales = new ArrayList<>();
        int seeded = 0;
        for (int updates : SEED_UPDATES) {
            System.out.printf(Locale.ROOT, "B4: %,d campaigns with %d update(s) each, straight on the topic%n",
                    SEED_CAMPAIGNS, updates);
            long start = System.nanoTime();
            long events = TopicLoad.seed(SEED_CAMPAIGNS, SEED_OFFICES, seeded == 0 ? 0 : seeded + 1, updates);
            long applied = awaitSeeded(hqToken, updates);
            double seconds = (System.nanoTime() - start) / 1e9;
            seeded = updates;
            if (applied < (long) SEED_CAMPAIGNS * updates) {
                System.out.printf(Locale.ROOT, "B4: only %,d of %,d updates applied in %.0f s: scale failed%n", applied,
                        (long) SEED_CAMPAIGNS * updates, seconds);
                scales.add(new Scale(updates, events, seconds, applied, status(hqToken), null));
                break;
            }
            String office = "http://127.0.0.1:8083/api/figures/offices/" + TopicLoad.office(0, SEED_OFFICES);
            scales.add(new Scale(updates, events, seconds, applied, status(hqToken), new Dashboards(
                    wrk(hq, OVERVIEW_URL, 20), wrk(hq, office, 20),
                    // a period makes the overview fold every campaign read from MongoDB
                    updates <= BASELINE_UPDATES ? wrk(hq, OVERVIEW_URL + "?from=2002-01&to=2002-12", 30, 1, 60) : null)));
        }
        return scales;
    }

    /**
     * Waits until every outbox event is relayed (campaign-service's backlog 0) and applied (reporting's lag 0),
     * twice in a row a second apart, for at most {@link #QUIET_TIMEOUT}.
     */
    static Quiet awaitQuiet(String hqToken) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int quietReads = 0;
        while (quietReads < 2) {
            if (System.nanoTime() - start > QUIET_TIMEOUT.toNanos()) {
                System.out.println("The stack did not catch up within " + QUIET_TIMEOUT.toMinutes() + " min: "
                        + status(hqToken));
                return new Quiet(false, (System.nanoTime() - start) / 1e9, status(hqToken));
            }
            Thread.sleep(1_000);
            boolean relayed = required(get(null, "http://127.0.0.1:8081/actuator/prometheus"), BACKLOG,
                    "campaign-service's alcance_outbox_backlog") == 0;
            quietReads = relayed && lag(hqToken) == 0 ? quietReads + 1 : 0;
        }
        return new Quiet(true, (System.nanoTime() - start) / 1e9, status(hqToken));
    }

    /** Reporting's consumer lag; -1 while it is unknown (null until the consumers have fetched, or no answer). */
    private static long lag(String hqToken) throws InterruptedException {
        try {
            JsonNode lag = json(hqToken, STATUS_URL).path("lag");
            return lag.isNumber() ? lag.asLong() : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits until the overview counts every seeded update of {@code updates} per campaign, for at most
     * {@link #SEED_TIMEOUT}; returns the seeded updates it counts then.
     */
    private static long awaitSeeded(String hqToken, int updates) throws IOException, InterruptedException {
        long expected = (long) SEED_CAMPAIGNS * updates;
        long start = System.nanoTime();
        while (true) {
            JsonNode byOffice = json(hqToken, OVERVIEW_URL).path("reach").path("byOffice");
            long people = 0;
            for (int n = 0; n < SEED_OFFICES; n++) {
                // an office none of whose updates is applied yet is not in the map
                people += byOffice.path(TopicLoad.office(n, SEED_OFFICES)).asLong(0);
            }
            long applied = people / TopicLoad.PEOPLE;
            if (applied >= expected || System.nanoTime() - start > SEED_TIMEOUT.toNanos()) {
                return applied;
            }
            Thread.sleep(1_000);
        }
    }

    /** Requests a replay and waits until the rebuilt generation serves, for at most {@link #REPLAY_TIMEOUT}. */
    private static Replay replay(String adminToken) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:8083/api/admin/replay";
        long start = System.nanoTime();
        HttpResponse<String> started = send(adminToken, url, null);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Replay not started: " + started.statusCode() + " " + started.body());
        }
        JsonNode state = JSON.readTree(started.body());
        long building = required(state, "buildingGeneration", "POST " + url);
        long events = required(state.path("replay"), "total", "POST " + url + " replay");
        while (true) {
            state = json(adminToken, url);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (required(state, "activeGeneration", url) == building) {
                return new Replay(events, events, seconds, true);
            }
            if (seconds > REPLAY_TIMEOUT.toSeconds()) {
                System.out.println("B3: the replay did not finish within " + REPLAY_TIMEOUT.toMinutes() + " min");
                return new Replay(events, required(state.path("replay"), "consumed", url + " replay"), seconds, false);
            }
            Thread.sleep(500);
        }
    }

    private static String get(String token, String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The JSON of a {@code GET} that must answer 200. */
    static JsonNode json(String token, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** {@code count} launched campaigns of the GT office with one theme, numbered from {@code first}. */
    private static List<String> campaigns(String token, String theme, int first, int count)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int number = first; number < first + count; number++) {
            ids.add(campaign(token, theme, number));
        }
        return ids;
    }

    /** A launched campaign of the GT office, created through the API. */
    private static String campaign(String token, String theme, int number) throws IOException, InterruptedException {
        String body = """
                {"office": "GT", "title": "Benchmark campaign %d", "description": "Created by the benchmark.",
                 "themes": ["%s"], "channels": ["poster"], "partners": [],
                 "audiences": [{"audience": "migrants", "target": 1000000000}],
                 "startDate": "2002-01-01", "endDate": "2002-12-31"}""".formatted(number, theme);
        HttpResponse<String> created = send(token, "http://127.0.0.1:8081/api/campaigns", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Campaign not created: " + created.statusCode() + " " + created.body());
        }
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("No id in " + created.body());
        }
        HttpResponse<String> launched = send(token, "http://127.0.0.1:8081/api/campaigns/" + id.group(1) + "/launch", null);
        if (launched.statusCode() != 200) {
            throw new IllegalStateException("Campaign not launched: " + launched.statusCode() + " " + launched.body());
        }
        return id.group(1);
    }

    private static HttpResponse<String> send(String token, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status(String hqToken) {
        try {
            return get(hqToken, STATUS_URL);
        } catch (IOException | InterruptedException e) {
            return "not available: " + e.getMessage();
        }
    }

    private static Path script(Path dir, String name, String lua) throws IOException {
        return Files.writeString(dir.resolve(name), lua);
    }

    /** wrk script: every request with this bearer token. */
    static String bearer(String token) {
        return "wrk.headers[\"Authorization\"] = \"Bearer " + token + "\"\n";
    }

    /**
     * wrk script: every request a new update with a unique client reference (so each is a 201, not a
     * replay), to the given campaigns in turn.
     */
    static String postScript(String token, List<String> campaigns) {
        return """
                local ids = {%s}
                local threads = 0
                function setup(thread)
                  thread:set("tid", threads)
                  threads = threads + 1
                end
                function init(args)
                  n = 0
                  prefix = "bench-%d-" .. tid .. "-"
                  headers = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
                end
                function request()
                  n = n + 1
                  local id = ids[((n * 2 + tid) %% #ids) + 1]
                  local body = '{"clientReference": "' .. prefix .. n .. '", "reportedOn": "2002-11-13", '
                    .. '"place": {"name": "Tecun Uman"}, "channel": "poster", '
                    .. '"reach": [{"audience": "migrants", "people": 3}]}'
                  return wrk.format("POST", "/api/campaigns/" .. id .. "/updates", headers, body)
                end
                """.formatted(String.join(", ", campaigns.stream().map(id -> "\"" + id + "\"").toList()),
                System.currentTimeMillis(), token);
    }

    /** What wrk measured: requests/s, latency percentiles in ms, and the responses that were not 2xx/3xx. */
    record Wrk(String url, long seconds, Map<String, Double> cores, double requestsPerSecond,
            Map<String, Double> percentilesMs, long requests, long non2xx, long socketErrors, String raw) {

        /**
         * From wrk's output: its totals and latency distribution must be there (the run fails without them);
         * the lines of non-2xx responses and socket errors are there only when their counts are not 0.
         */
        static Wrk parse(String url, long seconds, Map<String, Double> cores, String out) {
            Map<String, Double> percentiles = new LinkedHashMap<>();
            for (String p : List.of("50", "75", "90", "99")) {
                Matcher line = Pattern.compile("(?m)^\\s+" + p + "%\\s+([\\d.]+)(us|ms|s)\\s*$").matcher(out);
                if (!line.find()) {
                    throw new IllegalStateException("Missing figure: wrk's " + p + " % latency for " + url + "\n" + out);
                }
                double value = Double.parseDouble(line.group(1));
                percentiles.put(p, switch (line.group(2)) {
                    case "us" -> value / 1000;
                    case "s" -> value * 1000;
                    default -> value;
                });
            }
            Matcher errors = Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
            long socketErrors = 0;
            if (errors.find()) {
                for (int i = 1; i <= 4; i++) {
                    socketErrors += Long.parseLong(errors.group(i));
                }
            }
            return new Wrk(url, seconds, cores, required(out, "Requests/sec:\\s+([\\d.]+)", "wrk's Requests/sec for " + url),
                    percentiles, (long) required(out, "(\\d+) requests in", "wrk's request count for " + url),
                    (long) optional(out, "Non-2xx or 3xx responses: (\\d+)"), socketErrors, out);
        }

        double p(String percentile) {
            return percentilesMs.get(percentile);
        }

        long errors() {
            return non2xx + socketErrors;
        }
    }

    /** CPU seconds used so far: per part of the stack, and by the whole machine (all cores, busy time). */
    static Map<String, Double> cpu() {
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("machine", machineBusySeconds());
        used.put("bench JVM (MongoDB server)", cpuSeconds(ProcessHandle.current().pid()));
        ProcessHandle.current().descendants().forEach(p -> {
            String line = p.info().commandLine().orElse("");
            String name = line.contains("BrokerMain") ? "Kafka broker" : null;
            for (String service : SERVICES) {
                if (line.contains(service + "-")) {
                    name = service;
                }
            }
            if (name != null) {
                used.merge(name, cpuSeconds(p.pid()), Double::sum);
            }
        });
        return used;
    }

    /** What each part used between two {@link #cpu()} readings, in cores (CPU seconds per second). */
    static Map<String, Double> cores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        Map<String, Double> cores = new LinkedHashMap<>();
        double parts = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            double used = (entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)) / seconds;
            cores.put(entry.getKey(), used);
            if (!"machine".equals(entry.getKey())) {
                parts += used;
            }
        }
        cores.put("rest (wrk, the OS)", cores.get("machine") - parts);
        return cores;
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException e) {
            return 0;
        }
    }

    static Wrk wrk(Path script, String url, long seconds) throws IOException, InterruptedException {
        return wrk(script, url, seconds, CONNECTIONS, 10);
    }

    /**
     * As {@link #wrk(Path, String, long)} with so many connections (and as many threads, at most {@code THREADS}),
     * counting a request not answered within {@code timeoutSeconds} as a timeout.
     */
    static Wrk wrk(Path script, String url, long seconds, int connections, long timeoutSeconds)
            throws IOException, InterruptedException {
        Map<String, Double> before = cpu();
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(THREADS, connections), "-c" + connections,
                "-d" + seconds + "s", "--timeout", timeoutSeconds + "s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        System.out.print(out);
        Map<String, Double> cores = cores(before, cpu(), (System.nanoTime() - start) / 1e9);
        System.out.println("CPU (cores): " + cores);
        return Wrk.parse(url, seconds, cores, out);
    }

    /** The number {@code regex}'s first group finds in {@code text}; a figure that cannot be read fails the run. */
    static double required(String text, String regex, String what) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("Missing figure: " + what + " (nothing matches " + regex + ")");
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** As {@link #required(String, String, String)} for a line left out when its count is 0, which it then is. */
    static double optional(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** The integer {@code node} holds at {@code field}; a figure that cannot be read fails the run. */
    static long required(JsonNode node, String field, String source) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber()) {
            throw new IllegalStateException("Missing figure: " + field + " in " + source + " (" + node + ")");
        }
        return value.asLong();
    }

    /** "Started XApplication in 6.1 seconds (process running for 7.0)" from a service's log. */
    private static String startedIn(Path log) throws IOException {
        Matcher started = Pattern.compile("Started \\S+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)")
                .matcher(Files.readString(log));
        return started.find() ? started.group(1) + " s (JVM up " + started.group(2) + " s)" : "not in the log";
    }

    /** The process of a service: a descendant of this JVM running the service's jar. */
    private static long pid(String service) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(service + "-"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No process of " + service)).pid();
    }

    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException gone) {
            // the process ended
        }
        return -1;
    }

    private static Map<String, String> machine() throws IOException, InterruptedException {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("date", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                .withNano(0)) + " UTC");
        machine.put("cores (nproc)", run("nproc"));
        machine.put("CPU", Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?"));
        machine.put("memory", Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " "));
        machine.put("java -version", run(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .replace("\n", "; "));
        machine.put("load generator", run("wrk", "--version").lines().findFirst().orElse("?"));
        return machine;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor();
        return out;
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmarks (B1-B5) against the local stack, with wrk as the load generator: B1 (ingest, with a
 * bare WebFlux endpoint as the same-run ceiling), B5 (footprint and start times) and a first B4 probe
 * (HQ overview). Starts the stack with a fresh data dir, warms up for 60 s, measures, writes
 * {@code docs/benchmarks.md}.
 */
public final class Bench {

    /** Same heap and GC as run-local, but the full tiered JIT (run-local stops at C1 for a fast start). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
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
    /** B4's two scales: updates per seeded campaign. */
    static final int[] SEED_UPDATES = {1, 10};
    /** B2: campaigns that only B2 writes to, and how long it posts. */
    static final int FRESHNESS_CAMPAIGNS = 100;
    static final Duration FRESHNESS = Duration.ofSeconds(60);

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
        // no demo data: the stack's start is measured alone and the benchmark creates what it needs
        Files.writeString(data.resolve("demo-loaded"), "skipped by the benchmark\n");

        Instant started = Instant.now();
        try (LocalStack stack = LocalStack.start(root, data, JVM_OPTIONS)) {
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

            String office = stack.issuer().office("GT");
            String hqToken = stack.issuer().hq();
            List<String> campaigns = new ArrayList<>();
            for (int i = 0; i < CAMPAIGNS; i++) {
                campaigns.add(campaign(office, i));
            }
            List<String> quietCampaigns = new ArrayList<>();
            for (int i = 0; i < FRESHNESS_CAMPAIGNS; i++) {
                quietCampaigns.add(campaign(office, CAMPAIGNS + i));
            }
            Path post = work.resolve("post-update.lua");
            Files.writeString(post, postScript(office, campaigns));
            Path hot = work.resolve("post-update-one-campaign.lua");
            Files.writeString(hot, postScript(office, campaigns.subList(0, 1)));
            String postUrl = "http://127.0.0.1:8081/api/campaigns/" + campaigns.get(0) + "/updates";
            String bareUrl = "http://127.0.0.1:8081/actuator/health/liveness";
            Path hq = work.resolve("hq.lua");
            Files.writeString(hq, "wrk.headers[\"Authorization\"] = \"Bearer " + hqToken + "\"\n");
            String overviewUrl = "http://127.0.0.1:8083/api/figures/overview";

            System.out.println("Warm-up: " + WARM_UP.toSeconds() + " s of B1 load, then 10 s of each GET");
            wrk(post, postUrl, WARM_UP.toSeconds());
            wrk(null, bareUrl, 10);
            wrk(hq, overviewUrl, 10);

            System.out.println("10 s without load (what the stack does on its own after the warm-up)");
            Map<String, Double> before = cpu();
            long quietStart = System.nanoTime();
            Thread.sleep(10_000);
            Map<String, Double> quiet = cores(before, cpu(), (System.nanoTime() - quietStart) / 1e9);
            System.out.println("CPU (cores): " + quiet);
            System.out.println("B1: bare WebFlux endpoint (ceiling)");
            Wrk bare = wrk(null, bareUrl, MEASURE.toSeconds());
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
            System.out.println("B1 variant: every update to one campaign");
            Wrk oneCampaign = wrk(hot, postUrl, 20);
            double drained = awaitQuiet(hqToken);
            System.out.printf(Locale.ROOT, "B1's backlog relayed and applied %.0f s after B1%n", drained);

            List<Dashboard> dashboards = new ArrayList<>();
            int seeded = 0;
            for (int updates : SEED_UPDATES) {
                System.out.printf(Locale.ROOT, "B4: %,d campaigns with %d update(s) each, straight on the topic%n",
                        SEED_CAMPAIGNS, updates);
                long start = System.nanoTime();
                long events = TopicLoad.seed(SEED_CAMPAIGNS, SEED_OFFICES, seeded == 0 ? 0 : seeded + 1, updates);
                awaitSeeded(hqToken, updates);
                double seconds = (System.nanoTime() - start) / 1e9;
                seeded = updates;
                dashboards.add(new Dashboard(updates, events, seconds, status(hqToken), wrk(hq, overviewUrl, 20),
                        wrk(hq, "http://127.0.0.1:8083/api/figures/offices/" + TopicLoad.office(0, SEED_OFFICES), 20),
                        // the same-run baseline: a period makes the overview fold every campaign read from MongoDB
                        wrk(hq, overviewUrl + "?from=2002-01&to=2002-12", 30, 1, 60)));
            }

            int rate = (int) Math.max(10, Math.min(2_000, Math.round(ingest.requestsPerSecond() / 20) * 10));
            System.out.printf(Locale.ROOT, "B2: %d updates/s for %d s%n", rate, FRESHNESS.toSeconds());
            Freshness.Result freshness = Freshness.run(office, hqToken, quietCampaigns, rate, FRESHNESS.toSeconds());
            System.out.println("B2: " + freshness.created() + " created, p50 " + freshness.percentile(50) + " ms, p99 "
                    + freshness.percentile(99) + " ms");
            awaitQuiet(hqToken);

            System.out.println("B3: raw consume + bulk-upsert ceiling");
            TopicLoad.Ceiling ceiling = TopicLoad.ceiling();
            System.out.printf(Locale.ROOT, "B3 ceiling: %,d records in %.1f s%n", ceiling.records(), ceiling.seconds());
            System.out.println("B3: replay");
            Replay replay = replay(stack.issuer().admin());
            System.out.printf(Locale.ROOT, "B3 replay: %,d events in %.1f s%n", replay.events(), replay.seconds());

            Path doc = root.resolve("docs").resolve("benchmarks.md");
            String kept = "";
            if (Files.exists(doc)) {
                String old = Files.readString(doc);
                int notes = old.indexOf("\n## Reading the figures");
                kept = notes < 0 ? "" : old.substring(notes + 1);
            }
            Files.writeString(doc, Report.markdown(new Report.Figures(quiet, stackReady, startTimes, idle, peak, ingest, bare,
                    oneCampaign, drained, dashboards, freshness, ceiling, replay, machine())) + kept);
            System.out.println("Wrote " + root.relativize(doc));
        }
    }

    /** B4 at one scale: what was seeded, how long the stack took to apply it, and the two dashboard queries. */
    record Dashboard(int updatesPerCampaign, long events, double seededSeconds, String status, Wrk overview,
            Wrk office, Wrk folded) {
    }

    /** B3: events the replay rebuilt the read models from, and how long from the request to the switch. */
    record Replay(long events, double seconds) {

        double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Waits until the campaign service has relayed every event (its outbox backlog is 0) and reporting has
     * applied them (lag 0), twice in a row a second apart; returns the seconds it took.
     */
    private static double awaitQuiet(String hqToken) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int quietReads = 0;
        while (quietReads < 2) {
            if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("The stack did not catch up within 10 minutes: " + status(hqToken));
            }
            Thread.sleep(1_000);
            boolean relayed = number(get(null, "http://127.0.0.1:8081/actuator/prometheus"),
                    "(?m)^alcance_outbox_backlog\\{[^}]*\\} ([\\d.E]+)$") == 0;
            boolean applied = status(hqToken).contains("\"lag\":0");
            quietReads = relayed && applied ? quietReads + 1 : 0;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until every seeded office's reach counts {@code updates} updates of each of its campaigns. */
    private static void awaitSeeded(String hqToken, int updates) throws IOException, InterruptedException {
        long expected = (long) SEED_CAMPAIGNS / SEED_OFFICES * updates * TopicLoad.PEOPLE;
        String office = TopicLoad.office(SEED_OFFICES - 1, SEED_OFFICES);
        long start = System.nanoTime();
        while (true) {
            JsonNode byOffice = JSON.readTree(get(hqToken, "http://127.0.0.1:8083/api/figures/overview"))
                    .path("reach").path("byOffice");
            boolean all = true;
            for (int n = 0; n < SEED_OFFICES; n++) {
                all &= byOffice.path(TopicLoad.office(n, SEED_OFFICES)).asLong(-1) == expected;
            }
            if (all) {
                return;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                throw new IllegalStateException("Seeded figures not applied within 10 minutes (" + office + ": "
                        + byOffice.path(office) + " of " + expected + ")");
            }
            Thread.sleep(1_000);
        }
    }

    /** Requests a replay and waits until the rebuilt generation serves. */
    private static Replay replay(String adminToken) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> started = send(adminToken, "http://127.0.0.1:8083/api/admin/replay", null);
        if (started.statusCode() != 202) {
            throw new IllegalStateException("Replay not started: " + started.statusCode() + " " + started.body());
        }
        JsonNode state = JSON.readTree(started.body());
        long building = state.path("buildingGeneration").asLong();
        long events = state.path("replay").path("total").asLong();
        while (JSON.readTree(get(adminToken, "http://127.0.0.1:8083/api/admin/replay")).path("activeGeneration")
                .asLong() != building) {
            if (System.nanoTime() - start > Duration.ofMinutes(15).toNanos()) {
                throw new IllegalStateException("Replay did not finish within 15 minutes");
            }
            Thread.sleep(500);
        }
        return new Replay(events, (System.nanoTime() - start) / 1e9);
    }

    private static String get(String token, String url) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A launched campaign of the GT office, created through the API. */
    private static String campaign(String token, int number) throws IOException, InterruptedException {
        String body = """
                {"office": "GT", "title": "Benchmark campaign %d", "description": "Created by the benchmark.",
                 "themes": ["benchmark"], "channels": ["poster"], "partners": [],
                 "audiences": [{"audience": "migrants", "target": 1000000000}],
                 "startDate": "2002-01-01", "endDate": "2002-12-31"}""".formatted(number);
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
            return get(hqToken, "http://127.0.0.1:8083/api/figures/status");
        } catch (IOException | InterruptedException e) {
            return "not available: " + e.getMessage();
        }
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
    record Wrk(String url, long seconds, Map<String, Double> cores, double requestsPerSecond, Map<String, Double> percentilesMs, long requests,
            long non2xx, long socketErrors, String raw) {
    }

    /** CPU seconds used so far: per part of the stack, and by the whole machine (all cores, busy time). */
    static Map<String, Double> cpu() {
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("machine", machineBusySeconds());
        used.put("bench JVM (MongoDB server, token issuer)", cpuSeconds(ProcessHandle.current().pid()));
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
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^\\s+(50|75|90|99)%\\s+([\\d.]+)(us|ms|s)\\s*$").matcher(out);
        while (line.find()) {
            double value = Double.parseDouble(line.group(2));
            percentiles.put(line.group(1), switch (line.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            });
        }
        Map<String, Double> cores = cores(before, cpu(), (System.nanoTime() - start) / 1e9);
        System.out.println("CPU (cores): " + cores);
        return new Wrk(url, seconds, cores, number(out, "Requests/sec:\\s+([\\d.]+)"),
                percentiles, (long) number(out, "(\\d+) requests in"), (long) number(out, "Non-2xx or 3xx responses: (\\d+)"),
                socketErrors(out), out);
    }

    private static long socketErrors(String out) {
        Matcher errors = Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
        long sum = 0;
        if (errors.find()) {
            for (int i = 1; i <= 4; i++) {
                sum += Long.parseLong(errors.group(i));
            }
        }
        return sum;
    }

    static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
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

    private static void delete(Path dir) throws IOException {
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

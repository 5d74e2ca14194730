package org.alcance.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Runs all of Alcance on one machine without Docker: a Kafka broker from the jars, the MongoDB wire
 * server with a file store under {@code ./data}, the local OpenID Connect issuer, and the three services; then
 * loads the demo data once through the public APIs, and beside it the illustrative sample season
 * ({@link SampleSeason}) unless told not to. Ctrl-C stops every part.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** Written in the data directory once the sample season is loaded, with what was sent. */
    public static final String SAMPLE_LOADED = "sample-loaded";
    /** Where people open the dashboard: the loopback address the issuer registered its sign-in for. */
    public static final String DASHBOARD = "http://127.0.0.1:8083";
    private static final Map<String, Integer> SERVICES = Map.of(
            "campaign-service", 8081, "training-service", 8082, "reporting-service", 8083);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Issuer issuer;
    private Watchdog watchdog;

    private LocalStack() {
    }

    /**
     * {@code --data=DIR}: where the stack keeps its data and logs, {@code ./data} by default; {@code --no-sample}:
     * load the annex's own figures only, without the illustrative sample season.
     */
    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        Path data = Path.of("data");
        boolean sample = true;
        for (String arg : args) {
            if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring("--data=".length()));
            } else if (arg.equals("--no-sample")) {
                sample = false;
            } else {
                System.err.println("Unknown option " + arg + "; run-local takes --data=DIR and --no-sample");
                System.exit(2);
            }
        }
        LocalStack stack;
        try {
            stack = start(Path.of("").toAbsolutePath(), data.toAbsolutePath(), sample);
        } catch (Exception e) {
            System.err.println("Alcance did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "alcance-stop"));
        stack.watch();
        System.out.printf(Locale.ROOT, """

                Alcance is running (ready in %d s; data in ./data, logs in ./data/logs; Ctrl-C stops it)
                  Dashboard:        %s/ (sign in as hq, or as an office such as gt)
                  Campaign API:     http://localhost:8081/swagger-ui.html
                  Training API:     http://localhost:8082/swagger-ui.html
                  Reporting API:    http://localhost:8083/swagger-ui.html
                  Issuer:           %s (local only; users and clients: hq, admin and one per office)
                  Passwords:        ./data/%s (user.<id>=password, <id>=client secret; made at the first start)
                  Get a token:      curl -s -u gt:$(sed -n 's/^gt=//p' data/%s) -d grant_type=client_credentials %s/oauth2/token
                """, Duration.between(started, Instant.now()).toSeconds(), DASHBOARD, stack.issuer.uri(), Issuer.SECRETS,
                Issuer.SECRETS, stack.issuer.uri());
        Thread.currentThread().join();
    }

    /** As {@link #start(Path, Path, boolean)}, with the sample season. */
    public static LocalStack start(Path root, Path data) throws Exception {
        return start(root, data, true);
    }

    /**
     * Starts every part with its data under {@code data}, the services from their jars under
     * {@code root}, and loads the demo data unless it was loaded into {@code data} before, and the sample season
     * if {@code sample} and it was not loaded before. If a part fails, what did start is stopped and the exception
     * says which part failed.
     */
    public static LocalStack start(Path root, Path data, boolean sample) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.run(root, data, ServiceProcess.DEFAULT_JVM_OPTIONS, sample);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** The issuer of this stack, to get tokens from. */
    public Issuer issuer() {
        return issuer;
    }

    private void run(Path root, Path data, List<String> serviceJvmOptions, boolean sample) throws Exception {
        Path logs = Files.createDirectories(data.resolve("logs"));
        JsonNode demo = DemoLoader.data();
        JsonNode vocabulary = DemoLoader.vocabulary();

        issuer = Issuer.start(root, data, 9000, DemoLoader.offices(demo), logs);
        running.add(issuer);
        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 9092, 12);
        running.add(kafka);
        MongoWireServer mongo = MongoWireServer.fileBacked(data.resolve("mongo").resolve("alcance.mv"), 27017);
        running.add(mongo);

        Map<String, String> environment = Map.of(
                "MONGODB_URI", mongo.connectionString(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ALCANCE_ISSUER_URI", issuer.uri(),
                "SPRING_PROFILES_ACTIVE", "local");
        for (String name : List.of("campaign-service", "training-service")) {
            services.add(ServiceProcess.start(root, name, SERVICES.get(name), environment, logs, serviceJvmOptions));
        }
        // reporting signs people in to the dashboard with a client secret the issuer makes at its first start
        issuer.awaitReady();
        Map<String, String> reporting = new HashMap<>(environment);
        reporting.put("ALCANCE_DASHBOARD_CLIENT_SECRET", issuer.secret(Issuer.DASHBOARD));
        reporting.put("ALCANCE_DASHBOARD_ADDRESS", DASHBOARD);
        services.add(ServiceProcess.start(root, "reporting-service", SERVICES.get("reporting-service"), reporting, logs,
                serviceJvmOptions));
        for (ServiceProcess service : services) {
            if (!service.awaitReady(READY_TIMEOUT)) {
                throw new IllegalStateException(service.name() + " did not become ready; see " + service.log());
            }
        }

        DemoLoader loader = new DemoLoader(issuer, "http://localhost:8081", "http://localhost:8082");
        Path loaded = data.resolve("demo-loaded");
        if (!Files.exists(loaded)) {
            Instant start = Instant.now();
            String summary = loader.load(vocabulary, demo);
            Files.writeString(loaded, summary + "\n");
            System.out.println("Loaded the 2002 field activities: " + summary + " in " + since(start));
        }
        Path sampled = data.resolve(SAMPLE_LOADED);
        if (sample && !Files.exists(sampled)) {
            Instant start = Instant.now();
            String summary = loader.loadSample(SampleSeason.generate());
            Files.writeString(sampled, summary + "\n");
            System.out.println("Loaded the illustrative sample season (--no-sample leaves it out): " + summary
                    + " in " + since(start));
        }
    }

    private static String since(Instant start) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Reports every process of the stack that exits and starts it again (see {@link Watchdog}); one that keeps
     * exiting stops the stack and this JVM with status 1.
     */
    private synchronized void watch() {
        List<ServiceProcess> processes = new ArrayList<>(services);
        processes.add(issuer.process());
        watchdog = new Watchdog(processes, System.out, () -> System.exit(1));
    }

    /** Stops the services together (each drains its requests), then the infrastructure they used. */
    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.close();
            watchdog = null;
        }
        services.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
        running.clear();
    }
}

package org.alcance.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;

/**
 * Runs all of Alcance on one machine without Docker: a Kafka broker from the jars, the MongoDB wire
 * server with a file store under {@code ./data}, a local token issuer, and the three services; then
 * loads the demo data once through the public APIs. Ctrl-C stops every part.
 */
public final class LocalStack implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** The local clients' secrets, under the data directory: id=secret, one a line. */
    static final String SECRETS = "issuer-secrets.properties";
    private static final Map<String, Integer> SERVICES = Map.of(
            "campaign-service", 8081, "training-service", 8082, "reporting-service", 8083);

    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private TokenIssuer issuer;

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        LocalStack stack;
        try {
            stack = start(Path.of("").toAbsolutePath(), Path.of("data").toAbsolutePath());
        } catch (Exception e) {
            System.err.println("Alcance did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "alcance-stop"));
        System.out.printf(Locale.ROOT, """

                Alcance is running (ready in %d s; data in ./data, logs in ./data/logs; Ctrl-C stops it)
                  Dashboard (HQ):   http://localhost:8083/
                  Campaign API:     http://localhost:8081/swagger-ui.html
                  Training API:     http://localhost:8082/swagger-ui.html
                  Token issuer:     %s (local only; clients: hq, admin and one per office, e.g. gt)
                  Their secrets:    ./data/%s (made at the first start)
                  Get a token:      curl -s -u gt:$(sed -n 's/^gt=//p' data/%s) -d grant_type=client_credentials %s/oauth2/token
                """, Duration.between(started, Instant.now()).toSeconds(), stack.issuer.uri(), SECRETS, SECRETS,
                stack.issuer.uri());
        Thread.currentThread().join();
    }

    /**
     * Starts every part with its data under {@code data}, the services from their jars under
     * {@code root}, and loads the demo data unless it was loaded into {@code data} before. If a part
     * fails, what did start is stopped and the exception says which part failed.
     */
    public static LocalStack start(Path root, Path data) throws Exception {
        LocalStack stack = new LocalStack();
        try {
            stack.run(root, data, ServiceProcess.DEFAULT_JVM_OPTIONS);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** The issuer of this stack, to get tokens from. */
    public TokenIssuer issuer() {
        return issuer;
    }

    private void run(Path root, Path data, List<String> serviceJvmOptions) throws Exception {
        Path logs = Files.createDirectories(data.resolve("logs"));
        JsonNode demo = DemoLoader.data();

        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 9092, 12);
        running.add(kafka);
        MongoWireServer mongo = MongoWireServer.fileBacked(data.resolve("mongo").resolve("alcance.mv"), 27017);
        running.add(mongo);
        issuer = TokenIssuer.start(9000, clients(DemoLoader.offices(demo), data.resolve(SECRETS)));
        running.add(issuer);

        Map<String, String> environment = Map.of(
                "MONGODB_URI", mongo.connectionString(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ALCANCE_ISSUER_URI", issuer.uri(),
                "SPRING_PROFILES_ACTIVE", "local");
        SERVICES.forEach((name, port) -> services.add(
                ServiceProcess.start(root, name, port, environment, logs, serviceJvmOptions)));
        for (ServiceProcess service : services) {
            if (!service.awaitReady(READY_TIMEOUT)) {
                throw new IllegalStateException(service.name() + " did not become ready; see " + service.log());
            }
        }

        Path loaded = data.resolve("demo-loaded");
        if (!Files.exists(loaded)) {
            String summary = new DemoLoader(issuer, "http://localhost:8081", "http://localhost:8082").load(demo);
            Files.writeString(loaded, summary + "\n");
            System.out.println("Loaded the 2002 field activities: " + summary);
        }
    }

    /**
     * Local-only clients: one per office (id = lower-case office code), plus hq and admin. Each secret is made at
     * random the first time its client is, and kept in {@code secrets} (readable by this user only), so that no
     * secret is in the repository and a restart keeps them.
     */
    static Map<String, TokenIssuer.Client> clients(Iterable<String> offices, Path secrets) throws IOException {
        Properties kept = new Properties();
        if (Files.exists(secrets)) {
            try (Reader reader = Files.newBufferedReader(secrets)) {
                kept.load(reader);
            }
        }
        Map<String, TokenIssuer.Client> clients = new LinkedHashMap<>();
        for (String office : offices) {
            String id = office.toLowerCase(Locale.ROOT);
            clients.put(id, new TokenIssuer.Client(secret(kept, id), office, List.of("office")));
        }
        clients.put("hq", new TokenIssuer.Client(secret(kept, "hq"), null, List.of("hq")));
        clients.put("admin", new TokenIssuer.Client(secret(kept, "admin"), null, List.of("admin")));
        Files.createDirectories(secrets.getParent());
        if (!Files.exists(secrets) && secrets.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(secrets,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(secrets)) {
            kept.store(writer, "The local token issuer's clients: id=secret (./run-local made them)");
        }
        return clients;
    }

    private static String secret(Properties kept, String id) {
        return (String) kept.computeIfAbsent(id, absent -> {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            return HexFormat.of().formatHex(random);
        });
    }

    /** Stops the services together (each drains its requests), then the infrastructure they used. */
    @Override
    public synchronized void close() {
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

package org.alcance.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) run in a child JVM from the
 * jars on this JVM's class path. A child process, not in-process, so that it can be stopped and
 * restarted on the same port and data directory, as a broker outage would.
 *
 * <p>Open to any client by default; {@link #startWithScram} starts one as a deployment runs Kafka, with SASL/SCRAM
 * and ACLs.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The super user of a broker started {@link #startWithScram with SCRAM}. */
    public static final String ADMIN = "admin";
    private static final String SCRAM = "SCRAM-SHA-512";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private final Map<String, String> scramUsers;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, int partitions, Map<String, String> scramUsers) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
        this.scramUsers = scramUsers;
    }

    /** Starts a broker listening on {@code port} (0 picks a free one) and waits until it accepts connections. */
    public static KafkaBroker start(Path dataDir, int port, int partitions) {
        KafkaBroker broker = new KafkaBroker(dataDir, port == 0 ? Ports.free() : port, Ports.free(), partitions,
                Map.of());
        broker.start();
        return broker;
    }

    /**
     * Starts a broker on a free port whose clients authenticate with SASL/SCRAM-SHA-512 as one of {@code users}
     * (name to password; their credentials are written when the storage is formatted) and may do only what an ACL
     * allows them (Kafka's {@code StandardAuthorizer}). {@link #ADMIN} is a super user and must be among them. The
     * controller's listener stays plain: it is bound to the loopback address and serves the quorum only.
     */
    public static KafkaBroker startWithScram(Path dataDir, int partitions, Map<String, String> users) {
        if (!users.containsKey(ADMIN)) {
            throw new IllegalArgumentException("the users must include the super user " + ADMIN);
        }
        KafkaBroker broker = new KafkaBroker(dataDir, Ports.free(), Ports.free(), partitions, Map.copyOf(users));
        broker.start();
        return broker;
    }

    /** What a client of a broker started {@link #startWithScram with SCRAM} sets to sign in as {@code user}. */
    public Map<String, Object> clientProperties(String user, String password) {
        return Map.of("bootstrap.servers", bootstrapServers(), "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", SCRAM, "sasl.jaas.config", jaas(user, password));
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** (Re)starts the broker on the same port and data directory. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path properties = writeProperties();
            Path log = dataDir.resolve("broker.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=alcance-broker-logback.xml",
                    "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(), properties.toString()));
            scramUsers.forEach((user, password) ->
                    command.add(SCRAM + "=[name=" + user + ",password=" + password + "]"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitListening(log);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka broker did not start in " + dataDir, e);
        }
    }

    /** Stops the broker (controlled shutdown); its data stays for a restart. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.close(); // BrokerMain exits when its standard input closes
        } catch (IOException ignored) {
            // the process is already gone
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeProperties() throws IOException {
        String listener = scramUsers.isEmpty() ? "PLAINTEXT" : "SASL_PLAINTEXT";
        List<String> secured = scramUsers.isEmpty() ? List.of() : List.of(
                "sasl.enabled.mechanisms=" + SCRAM,
                "sasl.mechanism.inter.broker.protocol=" + SCRAM,
                "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=" + jaas(ADMIN, scramUsers.get(ADMIN)),
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // the quorum's own listener is plain, so the broker reaches its controller as ANONYMOUS
                "super.users=User:" + ADMIN + ";User:ANONYMOUS",
                "allow.everyone.if.no.acl.found=false");
        String properties = String.join("\n", Stream.concat(Stream.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + listener + "://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=" + listener + ":" + listener + ",CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=" + listener,
                "log.dirs=" + dataDir.resolve("logs").toAbsolutePath(),
                "num.partitions=" + partitions,
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=" + partitions,
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=" + scramUsers.isEmpty(),
                ""), secured.stream()).toList());
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, properties);
        return file;
    }

    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        stop();
        throw new IOException("Kafka broker did not listen on " + port + " within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleep() throws InterruptedIOException {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the Kafka broker");
        }
    }
}

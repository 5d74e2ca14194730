package org.alcance.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alcance.local.Issuer;
import org.alcance.local.KafkaBroker;
import org.alcance.local.MongoWireServer;
import org.alcance.local.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real infrastructure integration tests run against, started once per test JVM: Testcontainers
 * ({@code apache/kafka} in KRaft mode and {@code mongo}) where a Docker engine answers, otherwise a
 * Kafka broker run from the Maven jars and the in-process MongoDB wire server. The environment
 * variable {@code ALCANCE_TEST_INFRA} ({@code docker} or {@code local}) overrides the choice. Either way,
 * tokens come from the local issuer, run from its jar.
 */
public final class TestInfrastructure {

    static final int PARTITIONS = 12;
    /** The field offices tests act as, each with an account at the issuer. */
    private static final List<String> OFFICES = List.of("AL", "AM", "GT", "HN", "KZ", "TN");
    private static final String MONGO_IMAGE = "mongo:8.0";
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static TestInfrastructure instance;

    private final Broker kafka;
    private final String mongoUri;
    private final Issuer issuer;
    private final boolean docker;

    private TestInfrastructure(Broker kafka, String mongoUri, Issuer issuer, boolean docker) {
        this.kafka = kafka;
        this.mongoUri = mongoUri;
        this.issuer = issuer;
        this.docker = docker;
    }

    /** A Kafka broker that tests can take down and bring back, to prove behaviour during an outage. */
    public interface Broker {

        String bootstrapServers();

        void stop();

        void start();
    }

    /** A MongoDB of one service's own that tests can take down and bring back, data intact. */
    public interface Database {

        String uri();

        void stop();

        void start();
    }

    public static synchronized TestInfrastructure get() {
        try {
            return started();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test infrastructure", e);
        }
    }

    private static TestInfrastructure started() throws InterruptedException {
        if (instance == null) {
            String choice = System.getenv().getOrDefault("ALCANCE_TEST_INFRA", "");
            boolean docker = choice.isEmpty() ? DockerClientFactory.instance().isDockerAvailable() : choice.equals("docker");
            instance = docker ? withDocker() : local();
        }
        return instance;
    }

    /** What the tests run against, in words for a report. */
    public String kind() {
        return docker ? "Testcontainers (apache/kafka and mongo containers)"
                : "a Kafka broker run from the Maven jars and mongo-java-server";
    }

    public Broker kafka() {
        return kafka;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public Issuer issuer() {
        return issuer;
    }

    /**
     * Starts another MongoDB of the same kind as the shared one (a {@code mongo} container, or the wire
     * server with a file store), for a service whose database a test takes down while the others keep theirs.
     */
    public Database newDatabase() {
        if (docker) {
            MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
            mongo.start();
            var client = DockerClientFactory.instance().client();
            return new Database() {
                public String uri() {
                    return mongo.getConnectionString();
                }

                public void stop() {
                    client.pauseContainerCmd(mongo.getContainerId()).exec();
                }

                public void start() {
                    client.unpauseContainerCmd(mongo.getContainerId()).exec();
                }
            };
        }
        MongoWireServer mongo = MongoWireServer.fileBacked(temporaryDirectory("alcance-mongo-").resolve("alcance.mv"), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "test-database-stop"));
        return new Database() {
            public String uri() {
                return mongo.connectionString();
            }

            public void stop() {
                mongo.stop();
            }

            public void start() {
                mongo.start();
            }
        };
    }

    private static TestInfrastructure withDocker() throws InterruptedException {
        Issuer issuer = startIssuer();
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"))
                .withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS));
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE));
        Startables.deepStart(kafka, mongo).join();
        log.info("Test infrastructure: Testcontainers (Docker found): Kafka {} and MongoDB {}",
                kafka.getBootstrapServers(), mongo.getConnectionString());
        var docker = DockerClientFactory.instance().client();
        Broker broker = new Broker() {
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            public void stop() {
                docker.pauseContainerCmd(kafka.getContainerId()).exec();
            }

            public void start() {
                docker.unpauseContainerCmd(kafka.getContainerId()).exec();
            }
        };
        return new TestInfrastructure(broker, mongo.getConnectionString(), issuer.awaitReady(), true);
    }

    private static TestInfrastructure local() throws InterruptedException {
        Issuer issuer = startIssuer();
        Path dir = temporaryDirectory("alcance-kafka-");
        KafkaBroker kafka = KafkaBroker.start(dir, 0, PARTITIONS);
        MongoWireServer mongo = MongoWireServer.inMemory(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
        }, "test-infrastructure-stop"));
        log.info("Test infrastructure: no Docker, so a Kafka broker from the jars at {} and mongo-java-server at {}",
                kafka.bootstrapServers(), mongo.connectionString());
        Broker broker = new Broker() {
            public String bootstrapServers() {
                return kafka.bootstrapServers();
            }

            public void stop() {
                kafka.stop();
            }

            public void start() {
                kafka.start();
            }
        };
        return new TestInfrastructure(broker, mongo.connectionString(), issuer.awaitReady(), false);
    }

    /**
     * The local issuer, from its jar (built before the modules that test against it), with accounts for the
     * offices the tests act as; it starts while the rest does, runs until the test JVM ends and logs to
     * {@code target/local-issuer.log}.
     */
    private static Issuer startIssuer() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("local-issuer"))) {
            root = root.getParent();
            if (root == null) {
                throw new IllegalStateException("No local-issuer module above " + Path.of("").toAbsolutePath());
            }
        }
        Issuer issuer = Issuer.start(root, temporaryDirectory("alcance-issuer-"), Ports.free(), OFFICES,
                Path.of("target").toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "test-issuer-stop"));
        return issuer;
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

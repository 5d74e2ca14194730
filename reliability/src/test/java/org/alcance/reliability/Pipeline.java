package org.alcance.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.alcance.local.Ports;
import org.alcance.local.ServiceProcess;
import org.alcance.local.Issuer;
import org.alcance.test.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole pipeline the suite injects faults into, started once per test JVM: the test infrastructure's
 * Kafka broker and MongoDB (containers with Docker, else the broker from the jars and the wire server),
 * a MongoDB of reporting's own that can go down alone, and the three services each in a JVM of its own
 * from its jar, so that one can be killed with SIGKILL and started again.
 */
final class Pipeline {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static Pipeline instance;

    final TestInfrastructure infrastructure;
    final TestInfrastructure.Database reportingDatabase;
    final Issuer issuer;
    final ServiceProcess campaigns;
    final ServiceProcess training;
    final ServiceProcess reporting;
    final Http http = new Http();
    private final Path logs;
    private final Map<String, String> common;

    private Pipeline() throws Exception {
        infrastructure = TestInfrastructure.get();
        issuer = infrastructure.issuer();
        reportingDatabase = infrastructure.newDatabase();
        logs = Files.createDirectories(Path.of("target", "reliability-logs").toAbsolutePath());
        common = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers(),
                "ALCANCE_ISSUER_URI", issuer.uri());
        campaigns = service("campaign-service", logs, common, infrastructure.mongoUri());
        training = service("training-service", logs, common, infrastructure.mongoUri());
        reporting = service("reporting-service", logs, common, reportingDatabase.uri());
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> Stream.of(campaigns, training, reporting).parallel().forEach(ServiceProcess::stop), "pipeline-stop"));
        for (ServiceProcess service : List.of(campaigns, training, reporting)) {
            awaitReady(service);
        }
    }

    static synchronized Pipeline get() throws Exception {
        if (instance == null) {
            instance = new Pipeline();
        }
        return instance;
    }

    private static ServiceProcess service(String name, Path logs, Map<String, String> common, String mongoUri) {
        Map<String, String> environment = new java.util.HashMap<>(common);
        environment.put("MONGODB_URI", mongoUri);
        return ServiceProcess.start(ROOT, name, Ports.free(), environment, logs, ServiceProcess.DEFAULT_JVM_OPTIONS);
    }

    /**
     * One more reporting-service on reporting's database, sharing the partitions with the others as a replica of
     * a deployment does; {@code environment} adds to or overrides what every service gets. Logs under
     * {@code reliability-logs/<replica>}; the caller stops it.
     */
    ServiceProcess reportingReplica(String replica, Map<String, String> environment) throws Exception {
        Map<String, String> combined = new java.util.HashMap<>(common);
        combined.putAll(environment);
        return service("reporting-service", Files.createDirectories(logs.resolve(replica)), combined,
                reportingDatabase.uri());
    }

    static void awaitReady(ServiceProcess service) throws InterruptedException {
        if (!service.awaitReady(READY_TIMEOUT)) {
            throw new IllegalStateException(service.name() + " did not become ready; see " + service.log());
        }
    }

    /** SIGKILL, then the same service started again; returns once it is ready. */
    static void killAndRestart(ServiceProcess service) throws InterruptedException {
        service.kill();
        service.start();
        awaitReady(service);
    }

    Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        return Admin.create(properties);
    }

    String office(String office) {
        return issuer.office(office);
    }

    String hq() {
        return issuer.hq();
    }
}

package org.alcance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.alcance.events.Topics;
import org.alcance.local.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Scenario 10: Kafka as Kubernetes runs it. A real broker with SCRAM-SHA-512 sign-in and Kafka's own authorizer
 * gets the ACLs of the deployment's KafkaUsers ({@code k8s/base/kafka/kafkausers.yaml}), as Strimzi's User Operator
 * would: each service may do what it does in production, and nothing else; a client without credentials or with
 * a wrong password gets nothing at all.
 */
@Order(10)
class KafkaAclIT {

    private static final Path USERS = Path.of("").toAbsolutePath().getParent()
            .resolve("k8s/base/kafka/kafkausers.yaml");
    private static final String DEAD_LETTERS = "alcance.reporting.dlt.v1";
    private static final String CHANGES = "alcance.reporting.changes.v1";
    private static final String REPORTING_GROUP = "alcance-reporting";

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final List<String> wrong = new ArrayList<>();
    private int permitted;
    private int refused;
    private KafkaBroker broker;

    @Test
    void shouldLetEachServiceDoOnlyWhatItsKafkaUserAllowsAndRefuseAnyoneElse(@TempDir Path dir) throws Exception {
        Map<String, List<AclBinding>> acls = kafkaUsers(USERS);
        assertThat(acls).containsOnlyKeys("campaign-service", "training-service", "reporting-service");
        passwords.put(KafkaBroker.ADMIN, UUID.randomUUID().toString());
        acls.keySet().forEach(user -> passwords.put(user, UUID.randomUUID().toString()));
        broker = KafkaBroker.startWithScram(dir, 3, passwords);
        try (Admin admin = Admin.create(signedIn(KafkaBroker.ADMIN))) {
            admin.createTopics(List.of(Topics.CAMPAIGN_EVENTS, Topics.TRAINING_EVENTS, DEAD_LETTERS, CHANGES).stream()
                    .map(topic -> new NewTopic(topic, 3, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
            List<AclBinding> bindings = acls.values().stream().flatMap(List::stream).toList();
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
            // the controller has them once createAcls returns; the broker authorizes from its copy, which follows
            awaitAcls(admin, bindings.size());
        }

        expect(true, "campaign-service writes the campaign topic",
                () -> send("campaign-service", Topics.CAMPAIGN_EVENTS));
        expect(true, "training-service writes the training topic",
                () -> send("training-service", Topics.TRAINING_EVENTS));
        expect(true, "reporting-service writes its dead letters", () -> send("reporting-service", DEAD_LETTERS));
        expect(true, "reporting-service writes its change feed", () -> send("reporting-service", CHANGES));
        expect(true, "reporting-service reads the campaign topic as its group",
                () -> read("reporting-service", REPORTING_GROUP, Topics.CAMPAIGN_EVENTS));
        expect(true, "reporting-service reads the training topic as a replay's group",
                () -> read("reporting-service", REPORTING_GROUP + "-g2", Topics.TRAINING_EVENTS));
        expect(true, "training-service reads the campaign topic as its periods group",
                () -> read("training-service", "alcance-training-periods", Topics.CAMPAIGN_EVENTS));

        expect(false, "training-service writes the campaign topic",
                () -> send("training-service", Topics.CAMPAIGN_EVENTS));
        expect(false, "campaign-service writes the training topic",
                () -> send("campaign-service", Topics.TRAINING_EVENTS));
        expect(false, "reporting-service writes the campaign topic",
                () -> send("reporting-service", Topics.CAMPAIGN_EVENTS));
        expect(false, "campaign-service reads the campaign topic",
                () -> read("campaign-service", REPORTING_GROUP, Topics.CAMPAIGN_EVENTS));
        expect(false, "training-service reads the campaign topic as reporting's group",
                () -> read("training-service", REPORTING_GROUP, Topics.CAMPAIGN_EVENTS));
        expect(false, "reporting-service reads the campaign topic as another group",
                () -> read("reporting-service", "elsewhere", Topics.CAMPAIGN_EVENTS));
        expect(false, "campaign-service with a wrong password writes the campaign topic",
                () -> send(broker.clientProperties("campaign-service", "wrong"), Topics.CAMPAIGN_EVENTS));
        expect(false, "a client without credentials writes the campaign topic",
                () -> send(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                        Topics.CAMPAIGN_EVENTS));
        broker.close();

        Report.check("10. Kafka with sign-in and ACLs", String.format(Locale.ROOT, "a broker with SCRAM-SHA-512 and the"
                + " ACLs of k8s' KafkaUsers: %d actions the services take in production succeeded, %d others were"
                + " refused (another service's topic, another group, a wrong password, no credentials)%s", permitted,
                refused, wrong.isEmpty() ? "" : "; but " + String.join("; ", wrong)));
        assertThat(wrong).isEmpty();
    }

    /** Waits until the broker describes {@code count} ACLs, the ones it now authorizes by. */
    private static void awaitAcls(Admin admin, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not describe the " + count + " ACLs within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} and counts it if it succeeded, or failed, as {@code allowed} says; else notes it. */
    private void expect(boolean allowed, String what, Action action) {
        String outcome;
        try {
            action.run();
            outcome = null;
        } catch (Exception e) {
            outcome = (e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e).toString();
        }
        if (allowed && outcome != null) {
            wrong.add(what + " was refused: " + outcome);
        } else if (!allowed && outcome == null) {
            wrong.add(what + " was allowed");
        } else if (allowed) {
            permitted++;
        } else {
            refused++;
        }
    }

    private void send(String user, String topic) throws Exception {
        send(signedIn(user), topic);
    }

    private static void send(Map<String, Object> client, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "{}")).get(10, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from its start as {@code group}: fails if the broker refuses, or if nothing comes. */
    private void read(String user, String group, String topic) {
        Map<String, Object> config = new HashMap<>(signedIn(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                if (!consumer.poll(Duration.ofMillis(500)).isEmpty()) {
                    return;
                }
            }
            throw new IllegalStateException("nothing read from " + topic + " in 20 s");
        }
    }

    private Map<String, Object> signedIn(String user) {
        return broker.clientProperties(user, passwords.get(user));
    }

    /** The ACLs of each KafkaUser in {@code file}, as Strimzi's User Operator sets them for principal User:name. */
    @SuppressWarnings("unchecked")
    static Map<String, List<AclBinding>> kafkaUsers(Path file) throws Exception {
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        for (Object document : new Yaml().loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
            Map<String, Object> user = (Map<String, Object>) document;
            if (user == null || !"KafkaUser".equals(user.get("kind"))) {
                continue;
            }
            String name = (String) ((Map<String, Object>) user.get("metadata")).get("name");
            Map<String, Object> authorization = (Map<String, Object>) ((Map<String, Object>) user.get("spec"))
                    .get("authorization");
            List<AclBinding> bindings = new ArrayList<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) authorization.get("acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                ResourcePattern pattern = new ResourcePattern(ResourceType.fromString((String) resource.get("type")),
                        (String) resource.get("name"),
                        "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL);
                for (String operation : (List<String>) acl.get("operations")) {
                    bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + name,
                            (String) acl.getOrDefault("host", "*"), AclOperation.fromString(operation),
                            AclPermissionType.ALLOW)));
                }
            }
            users.put(name, bindings);
        }
        return users;
    }
}

package org.alcance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the compose-spec JSON schema, and what it must hold for Alcance to run. */
class ComposeTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?]([^}]*))?}");
    /** ${VAR:?message}: compose refuses to start while VAR is unset or empty. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
    private static final String SCRAM = "SCRAM-SHA-512";
    /** A SCRAM client's sasl.jaas.config; a broker listener's may have no credentials of its own. */
    private static final Pattern SCRAM_JAAS = Pattern.compile("org\\.apache\\.kafka\\.common\\.security\\.scram\\."
            + "ScramLoginModule required(?: username=\"([^\"]+)\" password=\"([^\"]+)\")?;");
    /** Kafka's super user, as local-stack's KafkaBroker names it too. */
    private static final String ADMIN = "admin";
    /** The broker's and kafka-init's scripts, and where both containers mount them. */
    private static final String KAFKA_SCRIPTS = "deploy/kafka";
    private static final String KAFKA_SCRIPTS_MOUNT = "/opt/alcance/kafka";

    private final String text = Repo.read(Repo.path("docker-compose.yml"));
    private final JsonNode compose = Repo.yamlDocuments(interpolateDefaults(text)).get(0);
    private final JsonNode services = compose.get("services");
    /** The services as written, before interpolation: where each password comes from. */
    private final JsonNode written = Repo.yamlDocuments(text).get(0).get("services");

    /** What compose does before it validates: ${VAR:-default} becomes its default, $$ a $. */
    static String interpolateDefaults(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    @Test
    void isValidAgainstTheComposeSpecSchema() {
        assertThat(Repo.violations(Repo.schema("compose-spec.schema.json"), compose)).isEmpty();
    }

    @Test
    void theSchemaRefusesAnUnknownServiceKey() {
        JsonNode broken = Repo.yamlDocuments("services:\n  web:\n    image: nginx\n    helthcheck: {test: [CMD, 'true']}\n").get(0);
        assertThat(Repo.violations(Repo.schema("compose-spec.schema.json"), broken)).isNotEmpty();
    }

    @Test
    void everyVariableHasADefaultOrIsRequiredAndIsListedInEnvExample() {
        Set<String> used = new TreeSet<>();
        for (MatchResult variable : variables()) {
            used.add(variable.group(1));
            assertThat(variable.group(2)).as("a default or an error message for ${" + variable.group(1) + "}")
                    .isNotNull();
        }
        assertThat(envExample().keySet()).containsAll(used);
    }

    @Test
    void everyPasswordMustBeSetAndHasNoValueInEnvExample() {
        Map<String, String> listed = envExample();
        Set<String> secrets = new TreeSet<>();
        for (MatchResult variable : variables()) {
            if (variable.group(1).matches(".*(PASSWORD|SECRET).*")) {
                secrets.add(variable.group(1));
                assertThat(variable.group()).as("compose refuses to start without " + variable.group(1))
                        .startsWith("${" + variable.group(1) + ":?");
            }
        }
        assertThat(secrets).contains("MONGO_ROOT_PASSWORD", "CAMPAIGN_MONGO_PASSWORD", "KEYCLOAK_ADMIN_PASSWORD",
                "KEYCLOAK_DB_PASSWORD", "GRAFANA_ADMIN_PASSWORD", "KAFKA_ADMIN_PASSWORD", "CAMPAIGN_KAFKA_PASSWORD");
        secrets.forEach(secret -> assertThat(listed.get(secret)).as(secret + " in .env.example").isEmpty());
        assertThat(text + Repo.read(Repo.path(".env.example"))).doesNotContain("change-me");
    }

    @Test
    void eachServiceConnectsToMongoDbAsAUserOfItsOwnDatabaseOnly() {
        String users = Repo.read(Repo.path("deploy/mongo/create-service-users.js"));
        assertThat(users).contains("role: \"readWrite\", db: database");
        boolean mounted = false;
        for (JsonNode volume : services.at("/mongo/volumes")) {
            mounted |= volume.asText().equals(
                    "./deploy/mongo/create-service-users.js:/docker-entrypoint-initdb.d/create-service-users.js:ro");
        }
        assertThat(mounted).as("the script that creates the users runs when MongoDB initialises").isTrue();
        Set<String> seen = new TreeSet<>();
        for (String name : Repo.SERVICES) {
            String database = Repo.applicationYml(name).at("/spring/mongodb/database").asText();
            Matcher uri = Pattern.compile("mongodb://([a-z]+):[^@]+@mongo:27017/\\?authSource=(.+)")
                    .matcher(services.at("/" + name + "/environment/MONGODB_URI").asText());
            assertThat(uri.matches()).as(name + "'s MONGODB_URI").isTrue();
            assertThat(uri.group(2)).as(name + " authenticates on its own database").isEqualTo(database);
            assertThat(users).as("the user of " + name).contains(uri.group(1) + ": [\"" + database + "\"");
            assertThat(seen.add(uri.group(1))).as(name + " has a user no other service shares").isTrue();
        }
    }

    @Test
    void keycloakRunsInProductionModeOnItsOwnDatabaseAndTheRealmHoldsNoSecret() {
        assertThat(services.at("/keycloak/command/0").asText()).isEqualTo("start");
        assertThat(services.at("/keycloak/environment/KC_DB").asText()).isEqualTo("postgres");
        assertThat(services.at("/keycloak/depends_on/keycloak-db/condition").asText()).isEqualTo("service_healthy");
        JsonNode clients = readRealm().path("clients");
        assertThat(clients).isNotEmpty();
        clients.forEach(client -> assertThat(client.path("secret").asText("${DASHBOARD_CLIENT_SECRET}"))
                .as(client.path("clientId").asText() + ": Keycloak generates the secret at the first start, or the"
                        + " realm import takes it from the environment").matches("\\$\\{[A-Z_]+}"));
        assertThat(text).contains("      DASHBOARD_CLIENT_SECRET: ${DASHBOARD_CLIENT_SECRET:?",
                "      ALCANCE_DASHBOARD_CLIENT_SECRET: ${DASHBOARD_CLIENT_SECRET:?");
    }

    /** Every ${VAR}, ${VAR:-default} and ${VAR:?message} of the compose file. */
    private List<MatchResult> variables() {
        return VARIABLE.matcher(text.replace("$$", "")).results().toList();
    }

    private static Map<String, String> envExample() {
        Map<String, String> listed = new java.util.TreeMap<>();
        for (String line : Repo.read(Repo.path(".env.example")).split("\n")) {
            if (line.matches("[A-Z0-9_]+=.*")) {
                listed.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return listed;
    }

    @Test
    void hasTheWholeStack() {
        assertThat(names(services)).contains("kafka", "kafka-init", "mongo", "keycloak", "keycloak-db", "prometheus",
                "grafana",
                "campaign-service", "training-service", "reporting-service");
        assertThat(services.at("/kafka/image").asText()).startsWith("apache/kafka:");
        assertThat(services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(services.at("/mongo/image").asText()).startsWith("mongo:");
        assertThat(services.at("/keycloak/image").asText()).startsWith("quay.io/keycloak/keycloak:");
    }

    @Test
    void everyServiceHasAMemoryLimit() {
        for (String name : names(services)) {
            assertThat(services.at("/" + name + "/deploy/resources/limits/memory").asText()).as(name + " memory limit")
                    .matches("[0-9]+[kmg]");
        }
    }

    @Test
    void longRunningServicesHaveHealthchecksAndWaitForHealthyDependencies() {
        for (String name : names(services)) {
            JsonNode service = services.get(name);
            if (!name.equals("kafka-init")) {
                assertThat(service.at("/healthcheck/test").isArray()).as(name + " healthcheck").isTrue();
            }
            JsonNode dependsOn = service.path("depends_on");
            for (String dependency : names(dependsOn)) {
                assertThat(services.has(dependency)).as(name + " depends on " + dependency).isTrue();
                String condition = dependsOn.at("/" + dependency + "/condition").asText();
                String expected = services.at("/" + dependency + "/healthcheck").isMissingNode()
                        ? "service_completed_successfully" : "service_healthy";
                assertThat(condition).as(name + " waits for " + dependency).isEqualTo(expected);
            }
        }
    }

    @Test
    void topicsAreCreatedWithTheirPartitions() {
        String command = kafkaScript("init.sh");
        String events = "event-contracts/src/main/java/org/alcance/events/Topics.java";
        for (String topic : List.of(Repo.javaConstant(events, "CAMPAIGN_EVENTS"), Repo.javaConstant(events, "TRAINING_EVENTS"),
                Repo.javaConstant("reporting-service/src/main/java/org/alcance/reporting/ingest/IngestErrors.java",
                        "DEAD_LETTER_TOPIC"),
                Repo.javaConstant("reporting-service/src/main/java/org/alcance/reporting/ingest/ReplicaChanges.java",
                        "TOPIC"))) {
            assertThat(command).contains(topic);
        }
        assertThat(command).contains("--partitions \"$TOPIC_PARTITIONS\"");
        assertThat(services.at("/kafka-init/environment/TOPIC_PARTITIONS").asInt())
                .isEqualTo(Repo.javaIntConstant(events, "DEFAULT_PARTITIONS"));
        assertThat(services.at("/kafka-init/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void kafkaSignsEveryClientInWithScramAndAllowsOnlyWhatAnAclAllows() {
        assertRunsAKafkaScript("kafka", "start-broker.sh");
        Map<String, String> broker = brokerProperties(services);
        Map<String, String> protocols = new TreeMap<>();
        for (String entry : broker.get("listener.security.protocol.map").split(",")) {
            protocols.put(entry.substring(0, entry.indexOf(':')), entry.substring(entry.indexOf(':') + 1));
        }
        String controller = broker.get("controller.listener.names");
        String voters = broker.get("controller.quorum.voters");
        for (String listener : broker.get("listeners").split(",")) {
            String name = listener.substring(0, listener.indexOf("://"));
            if (name.equals(controller)) {
                // plain, and its clients are ANONYMOUS, a super user: only the broker itself may reach it
                assertThat(listener).as("the controller listener").startsWith(name + "://127.0.0.1:")
                        .isEqualTo(name + "://" + voters.substring(voters.indexOf('@') + 1));
            } else {
                assertThat(protocols.get(name)).as("the " + name + " listener").isEqualTo("SASL_PLAINTEXT");
                assertThat(listenerJaas(broker, name)).as(name + "'s JAAS").matches(SCRAM_JAAS);
            }
        }
        assertThat(broker).containsEntry("sasl.enabled.mechanisms", SCRAM)
                .containsEntry("sasl.mechanism.inter.broker.protocol", SCRAM)
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
        Matcher self = SCRAM_JAAS.matcher(listenerJaas(broker, broker.get("inter.broker.listener.name")));
        assertThat(self.matches() ? self.group(1) : null).as("the broker signs in to itself as").isEqualTo(ADMIN);
        for (String name : Repo.SERVICES) {
            assertThat(Repo.applicationYml(name).at("/spring/kafka/properties/sasl.mechanism").asText())
                    .as(name + "'s SASL mechanism").isEqualTo(SCRAM);
        }
        Matcher adminConfig = Pattern.compile("(?m)^ADMIN_CONFIG=(\\S+)$").matcher(kafkaScript("admin-client.sh"));
        assertThat(adminConfig.find()).isTrue();
        assertThat(String.join(" ", texts(services.at("/kafka/healthcheck/test")))).as("the healthcheck signs in")
                .contains("--command-config " + adminConfig.group(1));
    }

    @Test
    void eachServiceSignsInToKafkaAsItsOwnUserWithThePasswordTheBrokerWasGiven() {
        Map<String, String> passwords = scramUsersOfTheBroker();
        Set<String> users = new TreeSet<>(kafkaUsers().stream().map(user -> user.getMetadata().getName()).toList());
        assertThat(users).as("k8s' KafkaUsers").containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
        users.add(ADMIN);
        assertThat(passwords.keySet()).as("the users the broker's storage is formatted with")
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(new HashSet<>(passwords.values())).as("a password of its own for each user").hasSameSizeAs(users);
        for (String name : Repo.SERVICES) {
            assertThat(services.at("/" + name + "/environment/KAFKA_SECURITY_PROTOCOL").asText()).as(name)
                    .isEqualTo("SASL_PLAINTEXT");
            Matcher jaas = SCRAM_JAAS.matcher(written.at("/" + name + "/environment/KAFKA_SASL_JAAS_CONFIG").asText());
            assertThat(jaas.matches() && jaas.group(1) != null).as(name + "'s KAFKA_SASL_JAAS_CONFIG").isTrue();
            assertThat(jaas.group(1)).as(name + " signs in as the KafkaUser of its name").isEqualTo(name);
            assertThat(jaas.group(2)).as(name + "'s password").isEqualTo(passwords.get(name));
        }
        Matcher self = SCRAM_JAAS.matcher(listenerJaas(brokerProperties(written),
                brokerProperties(services).get("inter.broker.listener.name")));
        assertThat(self.matches() ? self.group(2) : null).as("the broker's own password")
                .isEqualTo(passwords.get(ADMIN));
        assertThat(written.at("/kafka-init/environment/ADMIN_PASSWORD").asText()).as("kafka-init's password")
                .isEqualTo(passwords.get(ADMIN));
    }

    @Test
    void everyKafkaPasswordIsAVariableComposeWillNotStartWithout() {
        List<String> inJaas = Pattern.compile("password=\"([^\"]*)\"").matcher(text).results()
                .map(password -> password.group(1)).toList();
        assertThat(inJaas).as("the passwords in JAAS settings").hasSizeGreaterThan(Repo.SERVICES.size())
                .allMatch(password -> REQUIRED_VARIABLE.matcher(password).matches());
        for (String name : List.of("kafka", "kafka-init")) {
            for (String variable : names(written.at("/" + name + "/environment"))) {
                if (variable.contains("PASSWORD")) {
                    assertThat(written.at("/" + name + "/environment/" + variable).asText()).as(name + " " + variable)
                            .matches(REQUIRED_VARIABLE);
                }
            }
        }
    }

    @Test
    void kafkaInitGrantsExactlyTheAclsOfTheKafkaUsers() {
        assertRunsAKafkaScript("kafka-init", "init.sh");
        assertThat(aclsGrantedByKafkaInit()).containsExactlyInAnyOrderElementsOf(aclsOf(kafkaUsers()));
    }

    /** One principal's permission on one resource, as kafka-acls.sh and Strimzi's User Operator both grant it. */
    private record Acl(String user, String resourceType, String name, String patternType, String operation) {
    }

    /** What init.sh grants: each acl call is kafka-acls.sh --add, for every principal, resource and operation in it. */
    private static Set<Acl> aclsGrantedByKafkaInit() {
        List<String> statements = shellStatements(kafkaScript("init.sh"));
        assertThat(statements).as("acl is kafka-acls.sh --add").anyMatch(statement -> statement.startsWith("acl() {")
                && statement.contains("/kafka-acls.sh\"") && statement.endsWith(" --add \"$@\"; }"));
        Set<Acl> acls = new HashSet<>();
        for (String statement : statements) {
            if (!statement.startsWith("acl ")) {
                continue;
            }
            List<String> users = new ArrayList<>();
            List<Map.Entry<String, String>> resources = new ArrayList<>();
            List<String> operations = new ArrayList<>();
            String pattern = "LITERAL"; // kafka-acls.sh's default
            String[] words = statement.split("\\s+");
            assertThat(words.length % 2).as(statement + ": options and their values").isOne();
            for (int i = 1; i < words.length; i += 2) {
                String value = words[i + 1].replaceAll("^['\"]|['\"]$", "");
                switch (words[i]) {
                    case "--allow-principal" -> users.add(value.replaceFirst("^User:", ""));
                    case "--topic", "--group" -> resources.add(Map.entry(words[i].substring(2), value));
                    case "--resource-pattern-type" -> pattern = value.toUpperCase(Locale.ROOT);
                    case "--operation" -> operations.add(value.toUpperCase(Locale.ROOT));
                    default -> throw new AssertionError(statement + ": an option this test does not read: " + words[i]);
                }
            }
            assertThat(users).as(statement + ": User principals").isNotEmpty().noneMatch(user -> user.contains(":"));
            assertThat(resources).as(statement).isNotEmpty();
            assertThat(operations).as(statement).isNotEmpty();
            for (String user : users) {
                for (Map.Entry<String, String> resource : resources) {
                    for (String operation : operations) {
                        acls.add(new Acl(user, resource.getKey(), resource.getValue(), pattern, operation));
                    }
                }
            }
        }
        return acls;
    }

    /** The ACLs Strimzi's User Operator grants for these users (a SCRAM user's principal is User:<its name>). */
    private static Set<Acl> aclsOf(List<KafkaUser> users) {
        Set<Acl> acls = new HashSet<>();
        for (KafkaUser user : users) {
            String name = user.getMetadata().getName();
            assertThat(user.getSpec().getAuthentication().getType()).as(name).isEqualTo("scram-sha-512");
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                assertThat(rule.getType()).as(name + ": only allow rules, for any host").isIn(null, AclRuleType.ALLOW);
                assertThat(rule.getHost()).as(name + ": only allow rules, for any host").isIn(null, "*");
                String resource;
                AclResourcePatternType pattern;
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    resource = topic.getName();
                    pattern = topic.getPatternType();
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    resource = group.getName();
                    pattern = group.getPatternType();
                } else {
                    throw new AssertionError(name + ": a resource type this test does not compare: "
                            + rule.getResource().getType());
                }
                for (AclOperation operation : rule.getOperations()) {
                    acls.add(new Acl(name, rule.getResource().getType(), resource,
                            pattern == AclResourcePatternType.PREFIX ? "PREFIXED" : "LITERAL", operation.name()));
                }
            }
        }
        return acls;
    }

    private static List<KafkaUser> kafkaUsers() {
        return Repo.yamlDocuments(Repo.path("k8s/base/kafka/kafkausers.yaml")).stream()
                .map(document -> Repo.JSON.convertValue(document, KafkaUser.class)).toList();
    }

    /** The SCRAM users start-broker.sh formats the storage with: each name to its password as compose sets it. */
    private Map<String, String> scramUsersOfTheBroker() {
        Matcher user = Pattern.compile("--add-scram \"" + SCRAM + "=\\[name=([^,]+),password=\\$([A-Z0-9_]+)]\"")
                .matcher(kafkaScript("start-broker.sh"));
        Map<String, String> passwords = new TreeMap<>();
        while (user.find()) {
            passwords.put(user.group(1), written.at("/kafka/environment/" + user.group(2)).asText());
        }
        return passwords;
    }

    /** The broker's properties, as the image's KafkaDockerWrapper writes them from its KAFKA_* variables. */
    private static Map<String, String> brokerProperties(JsonNode from) {
        Map<String, String> properties = new TreeMap<>();
        JsonNode environment = from.at("/kafka/environment");
        for (String variable : names(environment)) {
            if (variable.startsWith("KAFKA_")) {
                properties.put(variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace("_", ".")
                        .replace("...", "-").replace("..", "_"), environment.get(variable).asText());
            }
        }
        return properties;
    }

    private static String listenerJaas(Map<String, String> broker, String listener) {
        return broker.get("listener.name." + listener.toLowerCase(Locale.ROOT) + "." + SCRAM.toLowerCase(Locale.ROOT)
                + ".sasl.jaas.config");
    }

    /** The service mounts deploy/kafka read-only and runs one of its scripts, on the broker's image. */
    private void assertRunsAKafkaScript(String service, String script) {
        assertThat(texts(services.at("/" + service + "/volumes")))
                .contains("./" + KAFKA_SCRIPTS + ":" + KAFKA_SCRIPTS_MOUNT + ":ro");
        assertThat(texts(services.at("/" + service + "/entrypoint"))).containsExactly("bash",
                KAFKA_SCRIPTS_MOUNT + "/" + script);
        assertThat(services.at("/" + service + "/image").asText()).isEqualTo(services.at("/kafka/image").asText());
    }

    private static String kafkaScript(String name) {
        return Repo.read(Repo.path(KAFKA_SCRIPTS + "/" + name));
    }

    /** A shell script's statements: continued lines joined, blank lines and comment lines dropped. */
    private static List<String> shellStatements(String script) {
        return Stream.of(script.replaceAll("\\\\\n\\s*", " ").split("\n")).map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void theThreeServicesAreBuiltFromTheirDockerfilesAndConfigured() {
        String issuer = services.at("/keycloak/environment/KC_HOSTNAME").asText() + "/realms/"
                + readRealm().path("realm").asText();
        for (String name : Repo.SERVICES) {
            JsonNode service = services.get(name);
            int port = Repo.serverPort(name);
            assertThat(service.at("/build/context").asText()).isEqualTo(".");
            assertThat(service.at("/build/dockerfile").asText()).isEqualTo(name + "/Dockerfile");
            assertThat(service.path("image").asText()).startsWith("alcance/" + name + ":");
            assertThat(service.at("/environment/SPRING_PROFILES_ACTIVE").asText()).isEqualTo("docker");
            assertThat(service.at("/environment/MONGODB_URI").asText()).startsWith("mongodb://").contains("@mongo:27017");
            assertThat(service.at("/environment/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo("kafka:9092");
            assertThat(service.at("/environment/ALCANCE_ISSUER_URI").asText()).isEqualTo(issuer);
            assertThat(service.at("/ports/0").asText()).endsWith(":" + port);
            assertThat(String.join(" ", texts(service.at("/healthcheck/test"))))
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
            assertThat(names(service.path("depends_on"))).contains("kafka-init", "mongo", "keycloak");
        }
    }

    @Test
    void mountedFilesExist() {
        for (String name : names(services)) {
            for (JsonNode volume : services.get(name).path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Files.exists(Repo.path(source.substring(2)))).as(name + " mounts " + source).isTrue();
                }
            }
        }
    }

    @Test
    void grafanaIsProvisionedWithPrometheusAndTheDashboard() {
        JsonNode datasource = Repo.yaml(Repo.path("deploy/grafana/provisioning/datasources/prometheus.yml"))
                .at("/datasources/0");
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        String dashboardsPath = Repo.yaml(Repo.path("deploy/grafana/provisioning/dashboards/alcance.yml"))
                .at("/providers/0/options/path").asText();
        boolean mounted = false;
        for (JsonNode volume : services.at("/grafana/volumes")) {
            mounted |= volume.asText().equals("./deploy/grafana/dashboards:" + dashboardsPath + ":ro");
        }
        assertThat(mounted).as("the dashboards directory mounted where the provider reads it").isTrue();
    }

    static JsonNode readRealm() {
        try {
            return Repo.JSON.readTree(Repo.path("deploy/keycloak/alcance-realm.json").toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}

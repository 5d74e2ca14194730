package org.alcance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml against the compose-spec JSON schema, and what it must hold for Alcance to run. */
class ComposeTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?[-?]([^}]*))?}");

    private final String text = Repo.read(Repo.path("docker-compose.yml"));
    private final JsonNode compose = Repo.yamlDocuments(interpolateDefaults(text)).get(0);
    private final JsonNode services = compose.get("services");

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
                "KEYCLOAK_DB_PASSWORD", "GRAFANA_ADMIN_PASSWORD");
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
        clients.forEach(client -> assertThat(client.has("secret")).as(client.path("clientId").asText()
                + ": Keycloak generates the secret at the first start").isFalse());
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
        assertThat(names(services)).contains("kafka", "kafka-topics", "mongo", "keycloak", "keycloak-db", "prometheus",
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
            if (!name.equals("kafka-topics")) {
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
        String command = services.at("/kafka-topics/command/0").asText();
        String events = "event-contracts/src/main/java/org/alcance/events/Topics.java";
        for (String topic : List.of(Repo.javaConstant(events, "CAMPAIGN_EVENTS"), Repo.javaConstant(events, "TRAINING_EVENTS"),
                Repo.javaConstant("reporting-service/src/main/java/org/alcance/reporting/ingest/IngestErrors.java",
                        "DEAD_LETTER_TOPIC"),
                Repo.javaConstant("reporting-service/src/main/java/org/alcance/reporting/ingest/ReplicaChanges.java",
                        "TOPIC"))) {
            assertThat(command).contains(topic);
        }
        assertThat(command).contains("--partitions " + Repo.javaIntConstant(events, "DEFAULT_PARTITIONS"));
        assertThat(services.at("/kafka-topics/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
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
            assertThat(names(service.path("depends_on"))).contains("kafka-topics", "mongo", "keycloak");
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

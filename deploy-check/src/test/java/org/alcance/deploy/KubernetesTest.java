package org.alcance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alcance.deploy.Kustomize.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** k8s/: every manifest typed, every overlay built and cross-checked against the services and their Dockerfiles. */
class KubernetesTest {

    private static final String EVENTS = "event-contracts/src/main/java/org/alcance/events/Topics.java";
    private static final String INGEST_ERRORS = "reporting-service/src/main/java/org/alcance/reporting/ingest/IngestErrors.java";
    private static final String REPLICA_CHANGES =
            "reporting-service/src/main/java/org/alcance/reporting/ingest/ReplicaChanges.java";

    @Test
    void everyManifestLoadsTypedWithoutUnknownFields() {
        for (String overlay : List.of("dev", "prod")) {
            Kustomize.build(Repo.path("k8s/overlays/" + overlay)); // registers the patch files
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : Repo.files(Repo.path("k8s"), ".yaml", ".yml")) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            boolean patch = Kustomize.PATCH_FILES.contains(file);
            for (JsonNode manifest : Repo.yamlDocuments(file)) {
                checked++;
                for (String problem : TypedManifests.problems(manifest, patch)) {
                    problems.add(Repo.ROOT.relativize(file) + " " + manifest.path("kind").asText() + "/"
                            + manifest.at("/metadata/name").asText() + ": " + problem);
                }
            }
        }
        assertThat(checked).isGreaterThan(30);
        assertThat(problems).isEmpty();
    }

    @Test
    void theTypedCheckCatchesAMisspelledField() {
        JsonNode deployment = Repo.yamlDocuments("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {paht: /actuator/health/readiness, port: 8080}}
                """).get(0);
        assertThat(TypedManifests.problems(deployment, false)).singleElement().asString().contains("paht");
        JsonNode topic = Repo.yamlDocuments("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partition: 12}
                """).get(0);
        assertThat(TypedManifests.problems(topic, false)).singleElement().asString().contains("partition");
        JsonNode scaledObject = Repo.yamlDocuments("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: s}
                spec: {scaleTargetRef: {name: d}, maxReplicas: 3, triggers: [{type: kafka, metadata: {a: "1"}}]}
                """).get(0);
        assertThat(TypedManifests.problems(scaledObject, false)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void servicesMatchTheirApplicationAndDockerfile(String kustomization) {
        List<Resource> build = Kustomize.build(Repo.path("k8s/" + kustomization));
        for (String name : Repo.SERVICES) {
            int port = Repo.serverPort(name);
            JsonNode deployment = Kustomize.find(build, "Deployment", name, kustomization).node();
            JsonNode pod = deployment.at("/spec/template/spec");
            Map<String, String> podLabels = labels(deployment.at("/spec/template/metadata/labels"));
            assertThat(podLabels).containsAllEntriesOf(labels(deployment.at("/spec/selector/matchLabels")));
            assertThat(pod.get("containers")).hasSize(1);
            JsonNode container = pod.at("/containers/0");
            assertThat(container.path("name").asText()).isEqualTo(name);
            String image = container.path("image").asText();
            assertThat(image.substring(0, image.lastIndexOf(':'))).as("image of " + name).endsWith("alcance/" + name);
            assertThat(container.at("/ports/0/containerPort").asInt()).as(name + " container port").isEqualTo(port);

            // probes on the actuator paths of application.yml, on its port
            JsonNode app = Repo.applicationYml(name);
            assertThat(app.at("/management/endpoint/health/probes/enabled").asBoolean()).isTrue();
            assertThat(app.at("/management/endpoint/health/group/readiness/include").asText()).contains("mongo");
            assertThat(app.at("/management/endpoints/web/exposure/include").asText()).contains("prometheus");
            assertProbe(container, "livenessProbe", "/actuator/health/liveness", port);
            assertProbe(container, "readinessProbe", "/actuator/health/readiness", port);
            assertProbe(container, "startupProbe", "/actuator/health/liveness", port);

            // non-root, read-only, nothing more than it needs
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/runAsUser").asInt()).as("the Dockerfile's user").isEqualTo(DockerfileTest.USER_ID);
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            JsonNode security = container.get("securityContext");
            assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(security.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
            assertThat(security.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
            assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
            for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                assertThat(container.at(resource).asText()).as(name + resource).isNotBlank();
            }

            // its ServiceAccount, ConfigMap and MongoDB connection Secret
            Kustomize.find(build, "ServiceAccount", pod.path("serviceAccountName").asText(), name);
            JsonNode config = Kustomize.find(build, "ConfigMap", container.at("/envFrom/0/configMapRef/name").asText(), name)
                    .node().get("data");
            assertThat(config.path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("k8s");
            assertThat(config.path("ALCANCE_ISSUER_URI").asText()).startsWith("https://");
            JsonNode kafka = Kustomize.ofKind(build, "Kafka").get(0).node();
            assertThat(config.path("KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(
                    kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + kafka.at("/spec/kafka/listeners/0/port").asInt());
            assertMongoUser(build, name, container);
            assertKafkaUser(build, name, container, config, kafka);

            // Service, PodDisruptionBudget, NetworkPolicy select its pods; the HPA scales it
            JsonNode service = Kustomize.find(build, "Service", name, name).node();
            assertThat(podLabels).containsAllEntriesOf(labels(service.at("/spec/selector")));
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(port);
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container.at("/ports/0/name").asText());
            assertThat(podLabels).containsAllEntriesOf(labels(
                    Kustomize.find(build, "PodDisruptionBudget", name, name).node().at("/spec/selector/matchLabels")));
            JsonNode policy = Kustomize.find(build, "NetworkPolicy", name, name).node();
            assertThat(podLabels).containsAllEntriesOf(labels(policy.at("/spec/podSelector/matchLabels")));
            assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");
            assertThat(policy.at("/spec/ingress/0/ports/0/port").asText()).isEqualTo(container.at("/ports/0/name").asText());
            assertThat(policy.at("/spec/egress").toString()).contains("\"port\":" + kafka.at("/spec/kafka/listeners/0/port").asInt())
                    .contains("\"port\":27017").contains("\"port\":53");
            long scalers = build.stream().filter(r -> (r.kind().equals("HorizontalPodAutoscaler")
                    || r.kind().equals("ScaledObject")) && r.node().at("/spec/scaleTargetRef/name").asText().equals(name)).count();
            assertThat(scalers).as("exactly one autoscaler for " + name).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void kafkaTopicsMongoAndMonitoringFitTheServices(String kustomization) {
        List<Resource> build = Kustomize.build(Repo.path("k8s/" + kustomization));
        String cluster = Kustomize.ofKind(build, "Kafka").get(0).name();
        JsonNode kafka = Kustomize.ofKind(build, "Kafka").get(0).node();
        assertThat(kafka.at("/spec/kafka/listeners/0/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        Set<String> topics = new TreeSet<>();
        int partitions = Repo.javaIntConstant(EVENTS, "DEFAULT_PARTITIONS");
        int brokers = 0;
        for (Resource pool : Kustomize.ofKind(build, "KafkaNodePool")) {
            assertThat(pool.node().at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(pool.node().at("/spec/roles").toString()).contains("broker").contains("controller");
            brokers += pool.node().at("/spec/replicas").asInt();
        }
        for (Resource topic : Kustomize.ofKind(build, "KafkaTopic")) {
            assertThat(topic.node().at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(cluster);
            assertThat(topic.node().at("/spec/partitions").asInt()).isEqualTo(partitions);
            assertThat(topic.node().at("/spec/replicas").asInt()).isBetween(1, brokers);
            assertThat(topic.node().at("/spec/config/min.insync.replicas").asInt()).isLessThanOrEqualTo(topic.node().at("/spec/replicas").asInt());
            topics.add(topic.node().at("/spec/topicName").asText());
        }
        assertThat(topics).containsExactlyInAnyOrder(Repo.javaConstant(EVENTS, "CAMPAIGN_EVENTS"),
                Repo.javaConstant(EVENTS, "TRAINING_EVENTS"), Repo.javaConstant(INGEST_ERRORS, "DEAD_LETTER_TOPIC"),
                Repo.javaConstant(REPLICA_CHANGES, "TOPIC"));
        assertThat(Kustomize.find(build, "ConfigMap", "reporting-service", "").node().at("/data/ALCANCE_TOPIC_REPLICAS").asInt())
                .isEqualTo(Kustomize.ofKind(build, "KafkaTopic").get(0).node().at("/spec/replicas").asInt());

        JsonNode mongo = Kustomize.ofKind(build, "MongoDBCommunity").get(0).node();
        assertThat(mongo.at("/spec/members").asInt()).isEqualTo(kustomization.equals("overlays/dev") ? 1 : 3);

        JsonNode monitor = Kustomize.ofKind(build, "ServiceMonitor").get(0).node();
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        Set<String> selected = new HashSet<>();
        monitor.at("/spec/selector/matchExpressions/0/values").forEach(v -> selected.add(v.asText()));
        assertThat(monitor.at("/spec/selector/matchExpressions/0/key").asText()).isEqualTo("app.kubernetes.io/name");
        assertThat(selected).containsExactlyInAnyOrderElementsOf(Repo.SERVICES);
        for (String name : Repo.SERVICES) {
            JsonNode service = Kustomize.find(build, "Service", name, "ServiceMonitor").node();
            assertThat(service.at("/metadata/labels/app.kubernetes.io~1name").asText()).isEqualTo(name);
            assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo(monitor.at("/spec/endpoints/0/port").asText());
        }
        if (!kustomization.equals("base")) {
            String namespace = Kustomize.ofKind(build, "Namespace").get(0).name();
            build.stream().filter(r -> !r.kind().equals("Namespace"))
                    .forEach(r -> assertThat(r.node().at("/metadata/namespace").asText()).as(r.toString()).isEqualTo(namespace));
        }
    }

    @Test
    void prodScalesReportingOnConsumerLagWithinThePartitions() {
        List<Resource> build = Kustomize.build(Repo.path("k8s/overlays/prod"));
        JsonNode scaled = Kustomize.find(build, "ScaledObject", "reporting-service", "prod").node();
        assertThat(scaled.at("/spec/scaleTargetRef/name").asText()).isEqualTo("reporting-service");
        assertThat(Kustomize.ofKind(build, "HorizontalPodAutoscaler")).noneMatch(h -> h.name().equals("reporting-service"));
        JsonNode lagTrigger = null;
        for (JsonNode trigger : scaled.at("/spec/triggers")) {
            if (trigger.path("type").asText().equals("prometheus")) {
                lagTrigger = trigger;
            }
        }
        assertThat(lagTrigger).as("a trigger on the consumer lag reporting reports").isNotNull();
        assertThat(lagTrigger.at("/metadata/query").asText())
                .contains("kafka_consumer_fetch_manager_records_lag_max", "application=\"reporting-service\"");
        JsonNode config = Kustomize.find(build, "ConfigMap", "reporting-service", "prod").node();
        int threads = config.at("/data/ALCANCE_INGEST_CONCURRENCY").asInt();
        int partitions = Repo.javaIntConstant(EVENTS, "DEFAULT_PARTITIONS");
        assertThat(scaled.at("/spec/maxReplicaCount").asInt() * threads)
                .as("consumers beyond the partitions would stay idle").isLessThanOrEqualTo(partitions);
        assertThat(Kustomize.ofKind(Kustomize.build(Repo.path("k8s/overlays/dev")), "ScaledObject")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void noPasswordIsInTheManifestsAndEachIsDocumentedToBeCreated(String kustomization) {
        List<Resource> build = Kustomize.build(Repo.path("k8s/" + kustomization));
        assertThat(Kustomize.ofKind(build, "Secret")).as("Secrets in the repository").isEmpty();
        String operations = Repo.read(Repo.path("docs/operations.md"));
        for (JsonNode user : Kustomize.ofKind(build, "MongoDBCommunity").get(0).node().at("/spec/users")) {
            String secret = user.at("/passwordSecretRef/name").asText();
            assertThat(operations).as("docs/operations.md tells to create " + secret).contains(secret);
        }
    }

    private static void assertMongoUser(List<Resource> build, String service, JsonNode container) {
        JsonNode ref = secretOf(container, "MONGODB_URI");
        assertThat(ref).as(service + " MONGODB_URI from a Secret").isNotNull();
        assertThat(ref.path("key").asText()).isEqualTo("connectionString.standard");
        String database = Repo.applicationYml(service).at("/spring/mongodb/database").asText();
        boolean found = false;
        for (JsonNode user : Kustomize.ofKind(build, "MongoDBCommunity").get(0).node().at("/spec/users")) {
            if (user.path("connectionStringSecretName").asText().equals(ref.path("name").asText())) {
                found = true;
                assertThat(user.path("roles").toString()).as(service + "'s database user may write " + database)
                        .contains("{\"name\":\"readWrite\",\"db\":\"" + database + "\"}");
            }
        }
        assertThat(found).as(service + "'s Secret " + ref.path("name").asText() + " is written by the MongoDB operator").isTrue();
    }

    /** The service signs in with SCRAM as the KafkaUser of its name, from that user's Secret. */
    private static void assertKafkaUser(List<Resource> build, String service, JsonNode container, JsonNode config,
            JsonNode kafka) {
        assertThat(config.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
        assertThat(Repo.applicationYml(service).at("/spring/kafka/security/protocol").asText())
                .isEqualTo("${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}");
        JsonNode ref = secretOf(container, "KAFKA_SASL_JAAS_CONFIG");
        assertThat(ref).as(service + " KAFKA_SASL_JAAS_CONFIG from a Secret").isNotNull();
        assertThat(ref.path("key").asText()).isEqualTo("sasl.jaas.config");
        JsonNode user = Kustomize.find(build, "KafkaUser", ref.path("name").asText(), service).node();
        assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.at("/metadata/name").asText());
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(user.at("/spec/authorization/acls")).as(service + "'s ACLs").isNotEmpty();
    }

    /** The {@code secretKeyRef} the container's variable {@code name} is read from, or null. */
    private static JsonNode secretOf(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(name)) {
                return env.at("/valueFrom/secretKeyRef");
            }
        }
        return null;
    }

    private static void assertProbe(JsonNode container, String probe, String path, int port) {
        JsonNode get = container.at("/" + probe + "/httpGet");
        assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
        JsonNode probePort = get.path("port");
        int resolved = probePort.isInt() ? probePort.asInt() : -1;
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(probePort.asText())) {
                resolved = p.path("containerPort").asInt();
            }
        }
        assertThat(resolved).as(probe + " port").isEqualTo(port);
    }

    private static Map<String, String> labels(JsonNode node) {
        assertThat(node.isObject() && node.size() > 0).as("a non-empty label selector").isTrue();
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        return labels;
    }
}

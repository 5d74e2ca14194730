package org.alcance.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a manifest into its typed model (fabric8 for Kubernetes and the Prometheus Operator, Strimzi's own API
 * model for Kafka) and reports every field the model does not know (fabric8 and Strimzi keep those in
 * {@code additionalProperties}) and every value of the wrong type. KEDA and the MongoDB Community operator publish
 * no Java model: their resources are checked against schemas of the fields in use.
 */
final class TypedManifests {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    static final Map<String, JsonSchema> SCHEMAS = Map.of(
            "keda.sh/v1alpha1/ScaledObject", Repo.schema("schemas/scaledobject.schema.yaml"),
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", Repo.schema("schemas/mongodbcommunity.schema.yaml"));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TypedManifests() {
    }

    /** What is wrong with one manifest (empty when it loads cleanly). A patch is partial: required fields are not asked. */
    static List<String> problems(JsonNode manifest, boolean patch) {
        String type = manifest.path("apiVersion").asText() + "/" + manifest.path("kind").asText();
        List<String> problems = new ArrayList<>();
        ObjectNode copy = manifest.deepCopy();
        copy.remove("$patch");
        Class<?> model = MODELS.get(type);
        if (model != null) {
            Object typed;
            try {
                typed = MAPPER.treeToValue(copy, model);
            } catch (Exception e) {
                return List.of(type + " does not load: " + e.getMessage());
            }
            unknownFields(typed, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
            return problems;
        }
        JsonSchema schema = SCHEMAS.get(type);
        if (schema != null) {
            for (String violation : Repo.violations(schema, copy)) {
                if (!patch || !violation.contains("required")) {
                    problems.add(violation);
                }
            }
            return problems;
        }
        return List.of("no model or schema for " + type + ": add one to " + TypedManifests.class.getSimpleName());
    }

    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive() || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.") && !pkg.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add("unknown field(s) at " + (path.isEmpty() ? "." : path) + ": " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(child, path + "." + property, problems, seen);
        }
    }
}

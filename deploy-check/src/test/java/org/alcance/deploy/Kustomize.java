package org.alcance.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Just enough of kustomize to check the overlays without it: resources (files and directories), secret
 * generators, strategic-merge patches by file (merge by key, lists of named items by name, {@code $patch: delete}),
 * inline JSON 6902 patches (every path must exist), images and namespace. Every kustomization is checked against
 * its schema, every resource and patch file must exist, every patch must hit something.
 */
final class Kustomize {

    static final JsonSchema SCHEMA = Repo.schema("schemas/kustomization.schema.yaml");

    /** A manifest of the build, and the file it came from. */
    record Resource(String file, ObjectNode node) {
        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.at("/metadata/name").asText();
        }

        String apiVersion() {
            return node.path("apiVersion").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + file + ")";
        }
    }

    /** Files used as patches by some kustomization (they are partial manifests). */
    static final Set<Path> PATCH_FILES = new TreeSet<>();

    private Kustomize() {
    }

    static List<Resource> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        assertThat(file).as("kustomization in " + Repo.ROOT.relativize(dir)).exists();
        JsonNode k = Repo.yaml(file);
        assertThat(Repo.violations(SCHEMA, k)).as(Repo.ROOT.relativize(file) + " against the Kustomization schema").isEmpty();
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : k.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            assertThat(target).as(Repo.ROOT.relativize(file) + " lists " + entry.asText()).exists();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else {
                for (JsonNode document : Repo.yamlDocuments(target)) {
                    resources.add(new Resource(Repo.ROOT.relativize(target).toString(), (ObjectNode) document));
                }
            }
        }
        for (JsonNode generator : k.path("secretGenerator")) {
            ObjectNode secret = Repo.JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", generator.get("name").asText());
            ObjectNode data = secret.putObject("stringData");
            for (JsonNode literal : generator.path("literals")) {
                String[] pair = literal.asText().split("=", 2);
                data.put(pair[0], pair[1]);
            }
            assertThat(k.at("/generatorOptions/disableNameSuffixHash").asBoolean())
                    .as("generated Secrets keep their names: custom resources refer to them by name").isTrue();
            resources.add(new Resource(Repo.ROOT.relativize(file) + " secretGenerator", secret));
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("path")) {
                Path patchFile = dir.resolve(patch.get("path").asText()).normalize();
                assertThat(patchFile).as(Repo.ROOT.relativize(file) + " patch " + patch.get("path").asText()).exists();
                PATCH_FILES.add(patchFile);
                ObjectNode body = (ObjectNode) Repo.yaml(patchFile);
                Resource target = find(resources, body.path("kind").asText(), body.at("/metadata/name").asText(),
                        "patch " + Repo.ROOT.relativize(patchFile));
                assertThat(target.apiVersion()).as("apiVersion of " + patchFile).isEqualTo(body.path("apiVersion").asText());
                if ("delete".equals(body.path("$patch").asText())) {
                    resources.remove(target);
                } else {
                    merge(target.node(), body);
                }
            } else {
                applyJsonPatch(resources, patch, file);
            }
        }
        for (JsonNode image : k.path("images")) {
            String name = image.get("name").asText();
            int changed = 0;
            for (Resource resource : resources) {
                for (JsonNode container : resource.node().at("/spec/template/spec/containers")) {
                    String current = container.path("image").asText();
                    if (current.startsWith(name + ":") || current.equals(name)) {
                        String tag = image.has("newTag") ? image.get("newTag").asText()
                                : current.contains(":") ? current.substring(current.indexOf(':') + 1) : "latest";
                        ((ObjectNode) container).put("image", image.path("newName").asText(name) + ":" + tag);
                        changed++;
                    }
                }
            }
            assertThat(changed).as(Repo.ROOT.relativize(file) + " image " + name + " names a container's image").isPositive();
        }
        if (k.has("namespace")) {
            for (Resource resource : resources) {
                if (!resource.kind().equals("Namespace")) {
                    ((ObjectNode) resource.node().get("metadata")).put("namespace", k.get("namespace").asText());
                }
            }
        }
        return resources;
    }

    static Resource find(List<Resource> resources, String kind, String name, String what) {
        return resources.stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": no " + kind + "/" + name + " in " + resources));
    }

    static List<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    private static void applyJsonPatch(List<Resource> resources, JsonNode patch, Path file) {
        JsonNode target = patch.get("target");
        List<Resource> targets = resources.stream()
                .filter(r -> !target.has("kind") || r.kind().equals(target.get("kind").asText()))
                .filter(r -> !target.has("name") || r.name().equals(target.get("name").asText()))
                .toList();
        assertThat(targets).as(Repo.ROOT.relativize(file) + " patch target " + target).isNotEmpty();
        List<JsonNode> operations = Repo.yamlDocuments(patch.get("patch").asText());
        assertThat(operations).hasSize(1);
        for (Resource resource : targets) {
            for (JsonNode operation : operations.get(0)) {
                String op = operation.path("op").asText();
                JsonPointer pointer = JsonPointer.compile(operation.path("path").asText());
                String what = Repo.ROOT.relativize(file) + ": " + op + " " + pointer + " on " + resource;
                JsonNode parent = resource.node().at(pointer.head());
                String last = pointer.last().getMatchingProperty();
                assertThat(parent.isObject()).as(what + " (parent must exist)").isTrue();
                switch (op) {
                    case "replace" -> {
                        assertThat(parent.has(last)).as(what + " (path must exist)").isTrue();
                        ((ObjectNode) parent).set(last, operation.get("value"));
                    }
                    case "remove" -> {
                        assertThat(parent.has(last)).as(what + " (path must exist)").isTrue();
                        ((ObjectNode) parent).remove(last);
                    }
                    case "add" -> ((ObjectNode) parent).set(last, operation.get("value"));
                    default -> throw new AssertionError(what + ": operation not used here");
                }
            }
        }
    }

    /** Strategic merge as far as these patches need: objects merge, lists of named objects merge by name. */
    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing instanceof ObjectNode o && value instanceof ObjectNode p) {
                merge(o, p);
            } else if (existing instanceof ArrayNode a && value instanceof ArrayNode p && p.size() > 0 && p.get(0).has("name")) {
                for (JsonNode item : p) {
                    JsonNode match = null;
                    for (JsonNode candidate : a) {
                        if (candidate.path("name").equals(item.get("name"))) {
                            match = candidate;
                        }
                    }
                    assertThat(match).as("patched list item " + item.get("name") + " exists").isNotNull();
                    merge((ObjectNode) match, (ObjectNode) item);
                }
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}

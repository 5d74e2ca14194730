package org.alcance.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository this module checks, and the readers the checks share. */
final class Repo {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The three services: directory = Spring application name = image name = Kubernetes name. */
    static final List<String> SERVICES = List.of("campaign-service", "training-service", "reporting-service");

    static final Path ROOT = findRoot();

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy-check"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Run from the repository or its deploy-check module");
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file, with merge keys resolved, as Jackson trees (empty documents dropped). */
    static List<JsonNode> yamlDocuments(Path file) {
        return yamlDocuments(read(file));
    }

    static List<JsonNode> yamlDocuments(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(JSON.valueToTree(document));
            }
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + ": expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    static List<Path> files(Path dir, String... suffixes) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON schema (draft 7) from the test resources, JSON or YAML. */
    static JsonSchema schema(String resource) {
        try (InputStream in = Repo.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("No resource " + resource);
            }
            JsonNode node = (resource.endsWith(".json") ? JSON : YAML).readTree(in);
            // the compose-spec schema's "$id" is a bare file name, which the validator refuses as a base URI
            if (node.path("$id").isTextual() && !node.get("$id").asText().contains(":")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("$id");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> violations(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    /** The first (profile-less) document of a service's application.yml. */
    static JsonNode applicationYml(String service) {
        return yamlDocuments(path(service + "/src/main/resources/application.yml")).get(0);
    }

    static int serverPort(String service) {
        JsonNode port = applicationYml(service).at("/server/port");
        if (!port.canConvertToInt()) {
            throw new IllegalStateException(service + ": no server.port in application.yml");
        }
        return port.asInt();
    }

    /** The value of a {@code static final String NAME = "..."} constant in a Java source file. */
    static String javaConstant(String sourceFile, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]+)\"").matcher(read(path(sourceFile)));
        if (!m.find()) {
            throw new IllegalStateException(sourceFile + ": no constant " + name);
        }
        return m.group(1);
    }

    static int javaIntConstant(String sourceFile, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s*=\\s*(\\d+)\\s*;").matcher(read(path(sourceFile)));
        if (!m.find()) {
            throw new IllegalStateException(sourceFile + ": no constant " + name);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Meter names the services register ("alcance.outbox.backlog"), found in the main sources. */
    static Set<String> alcanceMeterNames() {
        Set<String> names = new TreeSet<>();
        Pattern meter = Pattern.compile("\"(alcance(?:\\.[a-z]+)+)\"");
        for (String module : List.of("event-outbox", "campaign-service", "training-service", "reporting-service")) {
            for (Path source : files(path(module + "/src/main/java"), ".java")) {
                Matcher m = meter.matcher(read(source));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }
}

package org.alcance.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service promises about its API description: OpenAPI 3 at {@code /v3/api-docs} and the Swagger UI,
 * both without a token, under the service's name, with the bearer scheme every operation needs and the
 * operations the service names; the API itself still needs a token. The description a client generates its code
 * from is published in {@code docs/api/<service>.json}, and must be what the service serves. A service runs it by
 * extending this class in an {@code *IT}.
 */
@IntegrationTest
public abstract class ApiDescriptionContract {

    @Autowired
    protected WebTestClient http;

    private final String service;
    private final String pathNeedingAToken;
    private final List<String> operations;

    /**
     * {@code service} as the description's title names it ({@code Alcance <service>}), a path of its API that
     * needs a token, and operations the description must hold, each as method and path ({@code "post /api/x"}).
     */
    protected ApiDescriptionContract(String service, String pathNeedingAToken, String... operations) {
        this.service = service;
        this.pathNeedingAToken = pathNeedingAToken;
        this.operations = List.of(operations);
    }

    @Test
    void shouldDescribeTheApiWithoutAToken() {
        WebTestClient.BodyContentSpec description = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3."))
                .jsonPath("$.info.title").isEqualTo("Alcance " + service)
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearer-jwt").exists();
        for (String operation : operations) {
            String[] methodAndPath = operation.split(" ", 2);
            description.jsonPath("$.paths['" + methodAndPath[1] + "']." + methodAndPath[0]).exists();
        }
    }

    /**
     * The published file is the served description, pretty-printed with its keys sorted. When the service's API
     * changes, the test leaves what it serves in {@code target/api/}, to be copied over the published file.
     */
    @Test
    void shouldServeThePublishedDescription() throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        String served = json.writeValueAsString(json.treeToValue(json.readTree(description()), Object.class)) + "\n";
        Path published = Path.of("..", "docs", "api", service + ".json");
        Path fresh = Path.of("target", "api", service + ".json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, served);
        assertThat(Files.exists(published) ? Files.readString(published) : "")
                .as("docs/api/%s.json is what the service serves; if its API changed on purpose, copy %s over it",
                        service, fresh.toAbsolutePath())
                .isEqualTo(served);
    }

    /**
     * What the description says a create needs is exactly what the service requires: its documented minimal body
     * (the example named {@code minimal}, which holds the required fields and nothing else) is taken (201), and
     * without any one of its required fields, at any depth, it is refused with a 422 that names that field.
     *
     * @return where the minimal body's record is ({@code Location})
     */
    protected URI assertMinimalBodyIsWhatIsRequired(String path, String uri, String token) {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode description = json.readTree(description());
        JsonNode body = description.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json");
        JsonNode minimal = body.path("examples").path("minimal").path("value");
        assertThat(minimal.isObject()).as("%s documents a minimal body", path).isTrue();
        List<String> required = new ArrayList<>();
        requiredFields(description, body.path("schema"), minimal, "", required);
        assertThat(required).as("the fields of %s's minimal body are all required", path).isNotEmpty();

        URI made = post(uri, token, minimal).expectStatus().isCreated().returnResult(Void.class).getResponseHeaders()
                .getLocation();
        for (String field : required) {
            JsonNode without = minimal.deepCopy();
            remove(without, field);
            post(uri, token, without).expectStatus().isEqualTo(422)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
        }
        return made;
    }

    /** The first description a service makes takes a few seconds on a busy machine. */
    private byte[] description() {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String uri, String token, JsonNode body) {
        return http.post().uri(uri).headers(headers -> headers.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.toString()).exchange();
    }

    /** Collects the JSON path of every field of {@code value} (an example), each of which its schema must require. */
    private static void requiredFields(JsonNode description, JsonNode schema, JsonNode value, String at,
            List<String> required) {
        schema = resolved(description, schema);
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                requiredFields(description, schema.path("items"), value.get(i), at + "[" + i + "]", required);
            }
        } else if (value.isObject()) {
            List<String> names = new ArrayList<>();
            schema.path("required").forEach(name -> names.add(name.asString()));
            for (String name : value.propertyNames()) {
                String field = at.isEmpty() ? name : at + "." + name;
                assertThat(names).as("%s in a minimal body is required", field).contains(name);
                required.add(field);
                requiredFields(description, schema.path("properties").path(name), value.get(name), field, required);
            }
        }
    }

    private static JsonNode resolved(JsonNode description, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema : description.path("components").path("schemas")
                .path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** Removes the field at a path such as {@code reach[0].people} from an example. */
    private static void remove(JsonNode body, String field) {
        String[] steps = field.split("\\.|(?=\\[)");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            String step = steps[i];
            parent = step.startsWith("[") ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : parent.get(step);
        }
        ((ObjectNode) parent).remove(steps[steps.length - 1]);
    }

    @Test
    void shouldServeTheSwaggerUiWithoutAToken() {
        EntityExchangeResult<byte[]> entry = http.get().uri("/swagger-ui.html").exchange().expectBody().returnResult();
        String page = "/swagger-ui.html";
        if (entry.getStatus().is3xxRedirection()) {
            URI location = entry.getResponseHeaders().getLocation();
            assertThat(location).isNotNull();
            page = location.getRawPath();
        } else {
            assertThat(entry.getStatus()).isEqualTo(HttpStatus.OK);
        }
        String html = new String(http.get().uri(page).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(html).containsIgnoringCase("swagger-ui");
    }

    @Test
    void shouldStillRequireATokenForTheApiItself() {
        http.get().uri(pathNeedingAToken).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

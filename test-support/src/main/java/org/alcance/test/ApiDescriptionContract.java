package org.alcance.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.SerializationFeature;
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
        byte[] body = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
                .getResponseBody();
        String served = json.writeValueAsString(json.treeToValue(json.readTree(body), Object.class)) + "\n";
        Path published = Path.of("..", "docs", "api", service + ".json");
        Path fresh = Path.of("target", "api", service + ".json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, served);
        assertThat(Files.exists(published) ? Files.readString(published) : "")
                .as("docs/api/%s.json is what the service serves; if its API changed on purpose, copy %s over it",
                        service, fresh.toAbsolutePath())
                .isEqualTo(served);
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

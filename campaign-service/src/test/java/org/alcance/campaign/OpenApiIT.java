package org.alcance.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.alcance.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class OpenApiIT {

    @Autowired
    private WebTestClient http;

    @Test
    void shouldDescribeTheApiAsJsonWithoutAToken() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3."))
                .jsonPath("$.info.title").isEqualTo("Alcance campaign-service")
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearer-jwt").exists()
                .jsonPath("$.paths['/api/campaigns'].post").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates'].post").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post.requestBody.content['text/csv']").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post.requestBody.content['application/json']").exists()
                .jsonPath("$.paths['/api/campaigns/{campaignId}/updates/bulk'].post.responses['200'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Result");
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
                .expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).containsIgnoringCase("swagger-ui");
    }
}

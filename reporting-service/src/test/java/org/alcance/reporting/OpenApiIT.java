package org.alcance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.alcance.test.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntegrationTest
class OpenApiIT {

    @Autowired
    private WebTestClient http;

    @Test
    void shouldDescribeEveryFigureExportAndTheStreamWithoutAToken() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3."))
                .jsonPath("$.info.title").isEqualTo("Alcance reporting-service")
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.security[0].bearer-jwt").exists()
                .jsonPath("$.paths['/api/figures/overview'].get.parameters[*].name").value(names ->
                        assertThat(names.toString()).contains("office", "theme", "from", "to"))
                .jsonPath("$.paths['/api/figures/offices/{office}'].get").exists()
                .jsonPath("$.paths['/api/figures/campaigns/{id}'].get").exists()
                .jsonPath("$.paths['/api/figures/courses/{id}'].get").exists()
                .jsonPath("$.paths['/api/figures/status'].get").exists()
                .jsonPath("$.paths['/api/figures/stream'].get.responses['200'].content['text/event-stream']").exists()
                .jsonPath("$.paths['/api/exports'].get").exists()
                .jsonPath("$.paths['/api/exports/{table}.csv'].get").exists()
                .jsonPath("$.paths['/api/exports/{table}.xlsx'].get").exists()
                .jsonPath("$.paths['/api/admin/replay'].post").exists();
        http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void shouldStillRequireATokenForTheFigures() {
        http.get().uri("/api/figures/overview").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

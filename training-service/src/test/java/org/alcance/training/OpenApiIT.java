package org.alcance.training;

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
    void shouldDescribeEveryPartOfTheApiWithoutAToken() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3."))
                .jsonPath("$.info.title").isEqualTo("Alcance training-service")
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/api/courses'].post").exists()
                .jsonPath("$.paths['/api/courses/{id}'].patch").exists()
                .jsonPath("$.paths['/api/courses/{id}/sessions'].post").exists()
                .jsonPath("$.paths['/api/courses/{courseId}/participants'].post").exists()
                .jsonPath("$.paths['/api/courses/{courseId}/participants/bulk'].post").exists()
                .jsonPath("$.paths['/api/courses/{courseId}/sessions/{sessionId}/attendance'].post").exists()
                .jsonPath("$.paths['/api/courses/{courseId}/sessions/{sessionId}/attendance/bulk'].post").exists()
                .jsonPath("$.paths['/api/courses/{courseId}/assessments'].post").exists()
                .jsonPath("$.paths['/api/participants/{participantId}'].delete").exists()
                .jsonPath("$.paths['/api/certificates/{code}'].get").exists();
    }

    @Test
    void shouldStillRequireATokenForTheApiItself() {
        http.get().uri("/api/courses").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

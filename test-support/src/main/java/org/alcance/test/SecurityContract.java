package org.alcance.test;

import java.time.Instant;
import org.alcance.local.Issuer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service promises about authentication: probes and metrics are open, everything else
 * needs a valid bearer token from the configured issuer, and the token's office and roles reach the
 * handlers. A service runs it by extending this class in an {@code *IT}.
 */
@IntegrationTest
public abstract class SecurityContract {

    @Autowired
    private WebTestClient http;

    private final Issuer issuer = TestInfrastructure.get().issuer();

    @Test
    void shouldAnswer401WithoutAToken() {
        http.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void shouldAnswer200AndSeeTheOfficeAndRolesWithAValidToken() {
        http.get().uri("/api/me").headers(h -> h.setBearerAuth(issuer.office("GT"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.office").isEqualTo("GT")
                .jsonPath("$.roles[0]").isEqualTo("office");
    }

    @Test
    void shouldRefuseExpiredForgedAndForeignTokens() {
        for (String token : new String[] {
                issuer.token().office("GT").roles("office").expiresAt(Instant.now().minusSeconds(300)).sign(),
                issuer.token().office("GT").roles("office").forgedSignature().sign(),
                issuer.token().office("GT").roles("office").issuer("https://elsewhere.example").sign(),
                issuer.token().office("GT").roles("office").audience("another-api").sign()}) {
            http.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isUnauthorized();
        }
    }

    @Test
    void shouldAnswerARequestTheFirewallRefusesAsAProblem() {
        http.get().uri("/api/me;jsessionid=0").headers(h -> h.setBearerAuth(issuer.office("GT"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldKeepProbesAndMetricsOpenAndOtherActuatorEndpointsForAdmins() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        http.get().uri("/actuator/info").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/info").headers(h -> h.setBearerAuth(issuer.office("GT"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/actuator/info").headers(h -> h.setBearerAuth(issuer.admin())).exchange()
                .expectStatus().isOk();
    }
}

package org.alcance.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.alcance.test.SecurityContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

class SecurityIT extends SecurityContract {

    @Autowired
    WebTestClient http;

    @Test
    void shouldServeTheDashboardWithAPolicyThatAllowsNoInlineScriptAndNoFraming() {
        for (String path : new String[] {"/", "/dashboard/dashboard.js"}) {
            http.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().valueEquals("X-Frame-Options", "DENY")
                    .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                            .contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                            .doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*'unsafe-inline'"));
        }
    }
}

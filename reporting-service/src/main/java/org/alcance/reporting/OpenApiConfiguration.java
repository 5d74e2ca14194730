package org.alcance.reporting;

import io.swagger.v3.oas.models.OpenAPI;
import org.alcance.web.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs} (and browsable at {@code /swagger-ui.html}),
 * both open without a token; every operation it lists needs the bearer JWT it describes (or, from the
 * dashboard, the session of a person signed in).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI reportingServiceApi() {
        return ApiDescription.withBearerTokens("Alcance reporting-service",
                "Headquarters' figures: whom the field offices' campaigns reached and whom their courses trained,"
                        + " folded from the events of campaign-service and training-service, as JSON, CSV or XLSX"
                        + " and as a live stream of changes. Every answer says how fresh it is (asOf); a field"
                        + " office sees its own office only. Errors are RFC 9457 problem details.");
    }
}

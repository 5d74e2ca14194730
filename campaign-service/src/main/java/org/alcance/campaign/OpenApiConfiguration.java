package org.alcance.campaign;

import io.swagger.v3.oas.models.OpenAPI;
import org.alcance.web.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs} (and browsable at {@code /swagger-ui.html}),
 * both open without a token; every operation it lists needs the bearer JWT it describes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI campaignServiceApi() {
        return ApiDescription.withBearerTokens("Alcance campaign-service",
                "Awareness campaigns of humanitarian field offices and the progress updates they"
                        + " post about them, one at a time or in bulk. Write endpoints accept an"
                        + " Idempotency-Key header; errors are RFC 9457 problem details.");
    }
}

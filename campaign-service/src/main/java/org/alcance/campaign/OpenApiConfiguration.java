package org.alcance.campaign;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description served at {@code /v3/api-docs} (and browsable at {@code /swagger-ui.html}),
 * both open without a token; every operation it lists needs the bearer JWT it describes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI campaignServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Alcance campaign-service")
                        .version("v1")
                        .description("Awareness campaigns of humanitarian field offices and the progress updates they"
                                + " post about them, one at a time or in bulk. Write endpoints accept an"
                                + " Idempotency-Key header; errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An OAuth2 access token with audience alcance; its office claim scopes what"
                                + " a field office reads and writes, its roles claim holds office, hq or admin.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}

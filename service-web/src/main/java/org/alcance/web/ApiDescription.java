package org.alcance.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description a service serves at {@code /v3/api-docs}: every operation needs the
 * bearer JWT it describes. For services that bring springdoc ({@link WebConventionsAutoConfiguration}).
 */
public final class ApiDescription {

    public static final String BEARER = "bearer-jwt";

    private ApiDescription() {
    }

    public static OpenAPI withBearerTokens(String title, String description) {
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description(description))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An OAuth2 access token with audience alcance; its office claim scopes what"
                                + " a field office reads and writes, its roles claim holds office, hq or admin.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}

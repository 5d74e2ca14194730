package org.alcance.training;

import io.swagger.v3.oas.models.OpenAPI;
import org.alcance.web.ApiDescription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at {@code /v3/api-docs} and {@code /swagger-ui.html}, open without a token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI trainingServiceApi() {
        return ApiDescription.withBearerTokens("Alcance training-service",
                "Training courses of humanitarian field offices: sessions, enrolment with a waitlist, attendance,"
                        + " assessments, completion by the course's rule and verifiable certificates. Write endpoints"
                        + " accept an Idempotency-Key header; errors are RFC 9457 problem details.");
    }
}

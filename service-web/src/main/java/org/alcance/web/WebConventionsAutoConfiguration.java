package org.alcance.web;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** Brings the shared HTTP conventions into every service that has this module on its class path. */
@AutoConfiguration(before = MongoReactiveHealthContributorAutoConfiguration.class)
@Import({ProblemResponses.class, IdempotentResponses.class, CallerController.class})
public class WebConventionsAutoConfiguration {

    /** Named as Boot's own indicator, which then steps aside, so that it reports as {@code mongo}. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /**
     * Request bodies mean one thing only: a key given twice is refused rather than its last value taken
     * unseen, a fraction where a whole number belongs (people reached, a capacity) is refused rather
     * than cut down, and a flag is {@code true} or {@code false}, never {@code 1} or {@code "yes"} read as one.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Boolean, flag -> flag
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /**
     * The API description a service serves at {@code /v3/api-docs} (and {@code /swagger-ui.html}), for the
     * services that bring springdoc; each names its API in {@code alcance.api.title}, {@code .description} and
     * {@code .server}, and a deployment may name its helpdesk in {@code .contact-name}, {@code -url}, {@code -email}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.configuration.SpringDocConfiguration")
    @EnableConfigurationProperties(ApiDescription.Properties.class)
    static class ApiDescriptionConfiguration {

        @Bean
        OpenAPI apiDescription(ApiDescription.Properties api) {
            return ApiDescription.of(api);
        }

        @Bean
        OpenApiCustomizer sharedConventions() {
            return ApiDescription::complete;
        }
    }

    /** Spring Security's firewall takes this bean, so that its refusals are problem+json like every other. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemResponses problems) {
        return problems.rejected();
    }
}

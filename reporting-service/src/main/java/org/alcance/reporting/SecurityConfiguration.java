package org.alcance.reporting;

import org.alcance.web.ApiSecurity;
import org.alcance.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Bearer tokens everywhere (see {@link ApiSecurity}); rebuilding the figures is for admins only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        return ApiSecurity.bearerTokens(http, problems)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasRole("admin")
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .build();
    }
}

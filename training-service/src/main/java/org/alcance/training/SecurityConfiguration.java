package org.alcance.training;

import org.alcance.web.ApiSecurity;
import org.alcance.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Bearer tokens everywhere (see {@link ApiSecurity}) but on the API description and on certificate
 * verification, which anyone holding a certificate's code may do.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        return ApiSecurity.bearerTokens(http, problems)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/api/certificates/*").permitAll()
                        .pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .build();
    }
}

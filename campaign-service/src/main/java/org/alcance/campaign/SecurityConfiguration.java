package org.alcance.campaign;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every request needs a bearer token from the configured issuer, except the probes and the
 * Prometheus scrape. Roles come from the token's {@code roles} claim (see application.yml).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").hasRole("admin")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                .build();
    }
}
